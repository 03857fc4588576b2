using Microsoft.Playwright;

namespace Belu.Portal.Tests.Browser;

/// <summary>Every select and autocomplete shows its whole label, on a desk screen and on a phone.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public class SelectLabelTests(BrowserFixture fixture)
{
    // A label is cut when its text is wider than its box, or when its box runs past the field it belongs to.
    private const string CutLabels = """
        () => [...document.querySelectorAll(".mud-select .mud-input-label, .mud-autocomplete .mud-input-label, .mud-picker .mud-input-label")]
            .filter(l => l.offsetParent !== null && l.textContent.trim().length > 0)
            .filter(l => {
                const field = l.closest(".mud-input-control").getBoundingClientRect();
                const box = l.getBoundingClientRect();
                return l.scrollWidth > l.clientWidth + 1 || box.right > field.right + 1;
            })
            .map(l => l.textContent.trim())
        """;

    public static TheoryData<string, string, string> Pages => new()
    {
        { "agendaris", "/surat/masuk", "label-surat-masuk" },
        { "agendaris", "/surat/masuk/baru", "label-surat-masuk-baru" },
        { "agendaris", "/surat/keluar", "label-surat-keluar" },
        { "agendaris", "/surat/keluar/baru", "label-surat-keluar-baru" },
        { "admin", "/admin/absensi/perangkat", "label-perangkat" },
        { "admin", "/admin/layar", "label-layar" },
        { "admin", "/organisasi/pegawai", "label-pegawai" },
        { "admin", "/admin/audit", "label-audit" },
        { "admin", "/admin/absensi/libur", "label-libur" },
        { "pimpinan", "/absensi/rekap", "label-rekap" },
        { "pimpinan", "/absensi/disiplin", "label-disiplin" },
    };

    /// <summary>Dialogs with a select, by the page and the button that opens them.</summary>
    public static TheoryData<string, string, string, string> Dialogs => new()
    {
        { "admin", "/organisasi/pegawai", "add-employee", "label-dialog-pegawai" },
        { "pegawai", "/absensi/permohonan", "request-new", "label-dialog-permohonan" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task NoSelectLabelIsCutOff(string user, string path, string screenshot) =>
        Assert.Empty(await CutLabelsAsync(user, path, null, screenshot));

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task NoSelectLabelInADialogIsCutOff(string user, string path, string opener, string screenshot) =>
        Assert.Empty(await CutLabelsAsync(user, path, opener, screenshot));

    private async Task<List<string>> CutLabelsAsync(string user, string path, string? opener, string screenshot)
    {
        var cut = new List<string>();
        foreach (var (width, height, suffix) in new[] { (1366, 768, ""), (390, 844, "-phone") })
        {
            var page = await fixture.NewPageAsync(width, height);
            await new LetterPages(page).SignInAsync(user);
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            // On a phone the letter filters fold away behind a button: open them to see their labels.
            var toggle = page.Locator("[data-testid=letter-filters-toggle]");
            if (await toggle.IsVisibleAsync())
            {
                await toggle.ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=letter-filters]")).ToBeVisibleAsync();
            }
            if (opener is not null)
            {
                await page.Locator($"[data-testid={opener}]").ClickAsync();
                await page.Locator(".mud-dialog .mud-input-label:visible").First.WaitForAsync();
            }
            await page.Locator(".mud-input-label:visible").First.WaitForAsync();
            cut.AddRange((await page.EvaluateAsync<string[]>(CutLabels)).Select(l => $"{width}px: {l}"));
            await page.ScreenshotAsync(screenshot + suffix, fullPage: false);
            await page.Context.CloseAsync();
        }
        return cut;
    }
}
