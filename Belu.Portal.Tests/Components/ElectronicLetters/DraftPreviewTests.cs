using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Components;
using Belu.Portal.Tests.Infrastructure;
using Bunit;

namespace Belu.Portal.Tests.Components.ElectronicLetters;

public class DraftPreviewTests
{
    private static LetterDocument Document(ElectronicLetterKind kind, DraftContent content) => DraftDocument.Build(kind, content,
        new Letterhead("PEMERINTAH KABUPATEN BELU", "DINAS KOMUNIKASI DAN INFORMATIKA", "Jl. Ahmad Yani, Atambua", "", DefaultEmblem.Png),
        new SignatureBlock("Kepala Dinas", "Maria Bria", "Pembina, IV/a", "197801012005012001"));

    [Fact]
    public async Task TheBodyIsDrawnAsTextWithItsListAndTableAndMarkupStaysText()
    {
        await using var ctx = new MudContext();
        var content = new DraftContent
        {
            Subject = "Rapat SPBE", Paper = PaperSize.F4,
            Body = "<b>Dengan hormat</b>,\n\n1. Satu\n2. Dua\n\nNo | Nama\n1 | Ani",
            Addressees = [new DraftParty { Name = "Kepala Balai", Address = "Kupang" }],
        };

        var cut = ctx.Render<DraftPreview>(p => p.Add(x => x.Document, Document(ElectronicLetterKind.SuratDinas, content)));

        Assert.Contains("f4", cut.Find("[data-testid=draft-preview]").ClassList);
        Assert.Empty(cut.FindAll(".body b"));
        Assert.Contains("<b>Dengan hormat</b>,", cut.Find(".body p").TextContent);
        Assert.Equal(["Satu", "Dua"], cut.FindAll(".body ol li").Select(li => li.TextContent));
        Assert.Equal("Ani", cut.FindAll(".body table td")[1].TextContent);
        Assert.Contains("(diberikan saat ditandatangani)", cut.Markup);
        Assert.Contains("Kepala Balai, Kupang", cut.Markup);
        Assert.Contains("NIP. 197801012005012001", cut.Markup);
    }

    [Fact]
    public async Task ASuratTugasNamesItsStaffInATableBeforeTheBody()
    {
        await using var ctx = new MudContext();
        var content = new DraftContent
        {
            AssignedStaff = [new DraftParty { EmployeeId = 7, Name = "Yohanes Mau", Nip = "199001012015031001", Position = "Pranata Komputer", Rank = "Penata, III/c" }],
            TaskFrom = new DateOnly(2026, 12, 7), TaskTo = new DateOnly(2026, 12, 9), TaskPlace = "Kupang", TaskPurpose = "Bimbingan teknis SPBE",
        };

        var cut = ctx.Render<DraftPreview>(p => p.Add(x => x.Document, Document(ElectronicLetterKind.SuratTugas, content)));

        Assert.Equal("SURAT TUGAS", cut.Find(".title").TextContent);
        Assert.Contains("199001012015031001", cut.Find(".body table").TextContent);
        Assert.Contains("7 Desember 2026 s.d. 9 Desember 2026", cut.Markup);
    }
}
