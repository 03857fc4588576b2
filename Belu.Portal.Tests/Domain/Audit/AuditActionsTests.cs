using Belu.Portal.Features.Audit;

namespace Belu.Portal.Tests.Domain.Audit;

public class AuditActionsTests
{
    [Theory]
    [InlineData("login.succeeded", "Berhasil masuk")]
    [InlineData("letter.printed", "Lembar disposisi dicetak")]
    [InlineData("report.exported", "Laporan diunduh")]
    public void ACodeIsShownInIndonesian(string code, string label) => Assert.Equal(label, AuditActions.Label(code));

    [Fact]
    public void ACodeWithoutALabelShowsAsItself() => Assert.Equal("attendance.something-new", AuditActions.Label("attendance.something-new"));

    [Fact]
    public void EveryLabelIsItsOwn() =>
        Assert.Equal(AuditActions.Known.Count, AuditActions.Known.Select(AuditActions.Label).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Fact]
    public void SearchingALabelFindsItsCodes()
    {
        Assert.Equal(["login.failed"], AuditActions.CodesLabelled("gagal MASUK"));
        Assert.Contains("letter.receipt", AuditActions.CodesLabelled("dicetak"));
        Assert.Empty(AuditActions.CodesLabelled("tidak ada kegiatan seperti ini"));
    }

    [Fact]
    public void EveryFamilyOfTheFilterNamesCodesThatExist()
    {
        foreach (var (prefix, label) in AuditService.Families)
        {
            Assert.True(AuditActions.Known.Any(code => code.StartsWith(prefix, StringComparison.Ordinal)), $"{label} ({prefix}) matches no code");
        }
    }
}
