using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Pdf;
using Belu.Portal.Tests.Infrastructure;

namespace Belu.Portal.Tests.Integration.ElectronicLetters;

public class LetterPdfTests
{
    private static readonly LetterPdf Renderer = new();

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task ASuratDinasReadsBackAsTextWithItsKopNumberDateAndSigner()
    {
        var text = Flat(await Poppler.TextAsync(Renderer.Render(SampleLetters.SuratDinas())));

        Assert.Contains("PEMERINTAH KABUPATEN BELU", text);
        Assert.Contains("DINAS KOMUNIKASI DAN INFORMATIKA", text);
        Assert.Contains("Atambua, 2 Desember 2026", text);
        Assert.Contains("Nomor : 000.1.2/123/KOMINFO/2026", text);
        Assert.Contains("Sifat : Biasa, Segera", text);
        Assert.Contains("Hal : Undangan Rapat Koordinasi Jaringan Intra Pemerintah", text);
        Assert.Contains("Yth. Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Belu", text);
        Assert.Contains("1. Hari dan tanggal: Senin, 7 Desember 2026", text);
        Assert.Contains("Maria Goreti Seran", text);
        Assert.Contains("Yohanes Bria, S.Kom., M.Si.", text);
        Assert.Contains("NIP. 197805122005011003", text);
        Assert.Contains("Tembusan: 1. Bupati Belu (sebagai laporan) 2. Sekretaris Daerah Kabupaten Belu", text);
    }

    [Fact]
    public async Task ASuratTugasTableNeverBreaksANipOrAHeaderWordAcrossLines()
    {
        var content = new DraftContent
        {
            Subject = "Bimbingan Teknis", Body = "Demikian untuk dilaksanakan.", TaskFrom = new DateOnly(2026, 12, 7), TaskTo = new DateOnly(2026, 12, 9),
            TaskPlace = "Kantor Kecamatan Atambua Barat", TaskPurpose = "Bimbingan teknis pengelolaan aplikasi layanan kecamatan",
            AssignedStaff =
            [
                new DraftParty { EmployeeId = 1, Name = "Arnoldus Moruk", Nip = "198207032006071622", Rank = "Penata Muda (III/a)", Position = "Pranata Komputer Ahli Pertama" },
                new DraftParty { EmployeeId = 2, Name = "Mikael Amaral, M.M.", Nip = "197510032007121647", Rank = "Penata Tingkat I (III/d)", Position = "Pranata Komputer Ahli Muda pada Bidang Aplikasi Informatika" },
            ],
        };
        var letter = DraftDocument.Build(ElectronicLetterKind.SuratTugas, content, SampleLetters.Kop, SampleLetters.Signer);

        // Each cell's lines come out on their own in the text, so a word broken inside its cell reads back split.
        var words = (await Poppler.TextAsync(Renderer.Render(letter))).Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("198207032006071622", words);
        Assert.Contains("197510032007121647", words);
        Assert.Contains("Pangkat/Gol.", words);
        Assert.Contains("No.", words);
    }

    [Fact]
    public async Task ALongBodyBreaksToASecondPageNumberedTwoWithoutLosingALine()
    {
        var letter = SampleLetters.SuratDinas(paragraphs: 9);
        var pages = (await Poppler.TextAsync(Renderer.Render(letter))).Split('\f', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Trim().Length > 0).Select(Flat).ToList();

        Assert.True(pages.Count >= 2, $"expected two pages, got {pages.Count}");
        // pdftotext closes up the narrow spaces of "- 2 -".
        Assert.DoesNotMatch(@"^-\s?1\s?-", pages[0]);
        Assert.Matches(@"^-\s?2\s?-", pages[1]);
        var all = string.Join(' ', pages);
        for (var i = 1; i <= 9; i++)
        {
            Assert.Contains($"Paragraf {i}. Dalam rangka", all);
        }
        // Every paragraph's last words survive the break.
        Assert.Equal(9, CountOf(all, "secara elektronik tanpa mencetak."));
        Assert.Contains("Tembusan: 1. Bupati Belu (sebagai laporan)", pages[^1]);
    }

    [Fact]
    public async Task ASignedLetterCarriesTheVerificationFooterOnEveryPage()
    {
        const string url = "https://portal.belukab.go.id/verifikasi/AB12CD34";
        var pages = (await Poppler.TextAsync(Renderer.Render(SampleLetters.SuratDinas(paragraphs: 9, verificationUrl: url))))
            .Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).Select(Flat).ToList();

        Assert.True(pages.Count >= 2);
        Assert.All(pages, page =>
        {
            Assert.Contains("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik.", page);
            Assert.Contains(url, page);
        });
    }

    [Fact]
    public async Task APreviewPrintsBlanksForTheNumberAndTheDate()
    {
        var letter = SampleLetters.SuratDinas() with { Number = null, Date = null };
        var text = Flat(await Poppler.TextAsync(Renderer.Render(letter)));

        Assert.Contains("Nomor : Sifat", text);
        Assert.DoesNotContain("2 Desember 2026", text);
        Assert.Contains("Atambua,", text);
    }

    [Fact]
    public async Task ANotaDinasHasItsTitleAndTable()
    {
        var letter = SampleLetters.SuratDinas() with { Kind = ElectronicLetterKind.NotaDinas, Signer = SampleLetters.Signer with { ActingPrefix = "Plh." } };
        var text = Flat(await Poppler.TextAsync(Renderer.Render(letter)));

        Assert.Contains("NOTA DINAS", text);
        Assert.Contains("Yth. : Kepala Badan Perencanaan", text);
        Assert.Contains("Dari : Plh. Kepala Dinas Komunikasi", text);
        Assert.Contains("Tembusan : 1. Bupati Belu (sebagai laporan)", text);
        Assert.Contains("Tanggal : 2 Desember 2026", text);
        Assert.Contains("Plh. Kepala Dinas", text);
    }

    [Theory]
    [InlineData(ElectronicLetterKind.SuratTugas, "SURAT TUGAS")]
    [InlineData(ElectronicLetterKind.SuratEdaran, "SURAT EDARAN")]
    public async Task TitledKindsCentreTheirTitleAndNumber(ElectronicLetterKind kind, string title)
    {
        var letter = SampleLetters.SuratDinas() with { Kind = kind, Paper = PaperSize.F4 };
        var text = Flat(await Poppler.TextAsync(Renderer.Render(letter)));

        Assert.Contains($"{title} NOMOR 000.1.2/123/KOMINFO/2026", text);
        Assert.Contains("Atambua, 2 Desember 2026", text);
        if (kind == ElectronicLetterKind.SuratEdaran)
        {
            Assert.Contains("TENTANG UNDANGAN RAPAT KOORDINASI JARINGAN INTRA PEMERINTAH", text);
        }
    }

    [Fact]
    public void TheSameLetterGivesTheSamePageContentOnEveryRun()
    {
        var first = Renderer.Render(SampleLetters.SuratDinas());
        var second = Renderer.Render(SampleLetters.SuratDinas());
        // The document id and creation date differ by design; the drawn pages and fonts do not.
        Assert.InRange(Math.Abs(first.Length - second.Length), 0, 64);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
