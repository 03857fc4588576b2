using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Domain;

namespace Belu.Portal.Tests.Domain.ElectronicLetters;

public class BodyFormatTests
{
    [Fact]
    public void ABlankLineSeparatesParagraphsAndLinesOfOneParagraphJoin()
    {
        var blocks = BodyFormat.Parse("Dengan hormat,\n\nSehubungan dengan\nkegiatan SPBE.\r\n\r\nDemikian.");

        Assert.Equal([new Paragraph("Dengan hormat,"), new Paragraph("Sehubungan dengan kegiatan SPBE."), new Paragraph("Demikian.")], blocks);
    }

    [Fact]
    public void NumberedLinesFormAListAfterTheParagraphTheyFollow()
    {
        var blocks = BodyFormat.Parse("Kami sampaikan hal berikut:\n1. Rapat dimulai pukul 09:00.\n2. Peserta membawa laptop.\n10. Terakhir.\n\nTerima kasih.");

        Assert.Equal(3, blocks.Count);
        Assert.Equal(new Paragraph("Kami sampaikan hal berikut:"), blocks[0]);
        var list = Assert.IsType<NumberedList>(blocks[1]);
        Assert.Equal(["Rapat dimulai pukul 09:00.", "Peserta membawa laptop.", "Terakhir."], list.Items);
        Assert.Equal(new Paragraph("Terima kasih."), blocks[2]);
    }

    [Fact]
    public void LinesWithBarsFormATableWhoseFirstRowIsTheHeaderAndDashesAreSkipped()
    {
        var table = Assert.IsType<SimpleTable>(Assert.Single(BodyFormat.Parse("| No | Nama | Jabatan |\n|---|---|---|\n| 1 | Ani | Analis |\n2 | Budi")));

        Assert.Equal(["No", "Nama", "Jabatan"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["1", "Ani", "Analis"], table.Rows[0]);
        Assert.Equal(["2", "Budi", ""], table.Rows[1]);
    }

    [Fact]
    public void ARowWithMoreCellsThanTheHeaderKeepsTheRestInItsLastCell()
    {
        var table = Assert.IsType<SimpleTable>(Assert.Single(BodyFormat.Parse("A | B\n1 | 2 | 3")));

        Assert.Equal(["1", "2 | 3"], table.Rows[0]);
    }

    [Fact]
    public void MarkupStaysTextAndEmptyInputGivesNoBlocks()
    {
        Assert.Empty(BodyFormat.Parse(null));
        Assert.Empty(BodyFormat.Parse(" \n\n \n"));
        Assert.Equal([new Paragraph("<script>alert(1)</script> <b>tebal</b>")], BodyFormat.Parse("<script>alert(1)</script>\n<b>tebal</b>"));
    }

    [Fact]
    public void ANumberWithoutASpaceIsNotAListItem()
    {
        Assert.Equal([new Paragraph("2.5 juta rupiah")], BodyFormat.Parse("2.5 juta rupiah"));
    }
}
