using Belu.Portal.Features.Letters.Domain;
using PdfSharp.Drawing;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>
/// The top of a letter: the kop and, per kind, the identification (Nomor/Sifat/Lampiran/Hal and Yth. for the classic
/// layout, the Nota Dinas table, the centred titles of Surat Tugas and Surat Edaran). docs/domain/naskah-dinas.md.
/// </summary>
internal static class LetterHeadings
{
    private static readonly double EmblemSize = XUnit.FromCentimeter(2.4).Point;

    /// <summary>Emblem on the left, the lines centred over the rest of the width, a double rule under it all.</summary>
    public static void DrawKop(LetterPages pages, Letterhead kop)
    {
        var gfx = pages.Gfx;
        var top = pages.Y;
        var textLeft = LetterPages.Left;
        if (kop.EmblemPng is { Length: > 0 } png)
        {
            using var image = XImage.FromStream(new MemoryStream(png));
            gfx.DrawImage(image, LetterPages.Left, top, EmblemSize, EmblemSize);
            textLeft += EmblemSize + 6;
        }
        var textWidth = LetterPages.Left + pages.ContentWidth - textLeft;
        var government = new XFont(LetterFonts.Sans, 14, XFontStyleEx.Bold);
        var unit = new XFont(LetterFonts.Sans, 16, XFontStyleEx.Bold);
        var small = new XFont(LetterFonts.Sans, 10);
        var y = top;
        foreach (var (text, font) in new[] { (kop.GovernmentName.ToUpperInvariant(), government), (kop.UnitName.ToUpperInvariant(), unit), (kop.Address, small), (kop.Contacts, small) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            foreach (var line in TextLayout.Wrap(gfx, text, font, textWidth))
            {
                var joined = string.Join(' ', line.Words);
                var width = gfx.MeasureString(joined, font).Width;
                gfx.DrawString(joined, font, XBrushes.Black, textLeft + (textWidth - width) / 2, y, XStringFormats.TopLeft);
                y += font.Size * 1.2;
            }
        }
        y = Math.Max(y, top + (kop.EmblemPng is { Length: > 0 } ? EmblemSize : 0)) + 4;
        var right = LetterPages.Left + pages.ContentWidth;
        gfx.DrawLine(new XPen(XColors.Black, 2.2), LetterPages.Left, y, right, y);
        gfx.DrawLine(new XPen(XColors.Black, 0.7), LetterPages.Left, y + 3.2, right, y + 3.2);
        pages.Y = y + 3.2 + pages.LineHeight(pages.Body);
    }

    /// <summary>"Atambua, 2 Desember 2026", or the place and a blank in a preview.</summary>
    public static string PlaceAndDate(LetterDocument letter) =>
        letter.Date is { } date ? IndonesianDate.PlaceAndDate(letter.Place, date) : $"{letter.Place},{new string(' ', 24)}";

    public static string Sifat(LetterDocument letter) =>
        letter.Urgency == Urgency.Biasa ? letter.Security.Label() : $"{letter.Security.Label()}, {letter.Urgency.Label()}";

    /// <summary>Surat Dinas and Surat Undangan: the date on the right, then Nomor/Sifat/Lampiran/Hal, then Yth.</summary>
    public static void DrawClassic(LetterPages pages, LetterDocument letter)
    {
        var dateLine = PlaceAndDate(letter);
        var right = LetterPages.Left + pages.ContentWidth;
        pages.Reserve(pages.LineHeight(pages.Body));
        var dateWidth = pages.Gfx.MeasureString(dateLine, pages.Body).Width;
        pages.Gfx.DrawString(dateLine, pages.Body, XBrushes.Black, right - dateWidth, pages.Y, XStringFormats.TopLeft);
        pages.Skip(1.5);
        DrawLabelled(pages, pages.Gfx.MeasureString("Lampiran", pages.Body).Width + 8,
        [
            ("Nomor", letter.Number ?? ""),
            ("Sifat", Sifat(letter)),
            ("Lampiran", letter.Attachments),
            ("Hal", letter.Subject),
        ]);
        pages.Skip(1);
        DrawAddressees(pages, letter.Addressees);
        pages.Skip(1);
    }

    /// <summary>Nota Dinas: the centred title, then the Yth./Dari/Tembusan/Tanggal/Nomor/Sifat/Lampiran/Hal table and a rule.</summary>
    public static void DrawNotaDinas(LetterPages pages, LetterDocument letter)
    {
        pages.DrawCentred("NOTA DINAS", pages.Bold);
        pages.Skip(1);
        var position = letter.Signer.Capacity;
        DrawLabelled(pages, pages.Gfx.MeasureString("Tembusan", pages.Body).Width + 8,
        [
            ("Yth.", Numbered(letter.Addressees)),
            ("Dari", position),
            ("Tembusan", letter.Copies.Count == 0 ? "-" : Numbered(letter.Copies)),
            ("Tanggal", letter.Date is { } date ? IndonesianDate.Format(date) : ""),
            ("Nomor", letter.Number ?? ""),
            ("Sifat", Sifat(letter)),
            ("Lampiran", letter.Attachments),
            ("Hal", letter.Subject),
        ]);
        pages.Reserve(8);
        pages.Y += 2;
        pages.Gfx.DrawLine(new XPen(XColors.Black, 0.8), LetterPages.Left, pages.Y, LetterPages.Left + pages.ContentWidth, pages.Y);
        pages.Skip(1);
    }

    /// <summary>Surat Tugas and Surat Edaran: Yth. (Edaran only), the title, "NOMOR …" and for Edaran "TENTANG" and the subject.</summary>
    public static void DrawTitled(LetterPages pages, LetterDocument letter)
    {
        var edaran = letter.Kind == ElectronicLetterKind.SuratEdaran;
        if (edaran && letter.Addressees.Count > 0)
        {
            DrawAddressees(pages, letter.Addressees);
            pages.Skip(1);
        }
        pages.DrawCentred(edaran ? "SURAT EDARAN" : "SURAT TUGAS", pages.Bold, underline: !edaran);
        pages.DrawCentred($"NOMOR {letter.Number ?? new string(' ', 24)}", pages.Body);
        if (edaran)
        {
            pages.Skip(0.5);
            pages.DrawCentred("TENTANG", pages.Body);
            foreach (var line in TextLayout.Wrap(pages.Gfx, letter.Subject.ToUpperInvariant(), pages.Bold, pages.ContentWidth * 0.8))
            {
                pages.DrawCentred(string.Join(' ', line.Words), pages.Bold);
            }
        }
        pages.Skip(1);
    }

    /// <summary>"Yth. name" for one addressee, "Yth. 1. …" for several.</summary>
    private static void DrawAddressees(LetterPages pages, IReadOnlyList<string> addressees)
    {
        if (addressees.Count == 0)
        {
            return;
        }
        var label = pages.Gfx.MeasureString("Yth. ", pages.Body).Width;
        pages.Reserve(pages.LineHeight(pages.Body));
        pages.Gfx.DrawString("Yth.", pages.Body, XBrushes.Black, LetterPages.Left, pages.Y, XStringFormats.TopLeft);
        var width = pages.ContentWidth * 0.6;
        if (addressees.Count == 1)
        {
            pages.DrawText(addressees[0], pages.Body, LetterPages.Left + label, width);
            return;
        }
        LetterBody.DrawNumbered(pages, addressees, LetterPages.Left + label, width, justify: false);
    }

    /// <summary>Label, colon and value in three columns; a long value wraps under itself.</summary>
    private static void DrawLabelled(LetterPages pages, double labelWidth, IReadOnlyList<(string Label, string Value)> rows)
    {
        var colon = pages.Gfx.MeasureString(": ", pages.Body).Width;
        var valueX = LetterPages.Left + labelWidth + colon;
        var valueWidth = pages.ContentWidth - labelWidth - colon;
        foreach (var (label, value) in rows)
        {
            var lines = TextLayout.Wrap(pages.Gfx, value, pages.Body, valueWidth);
            pages.Reserve(pages.LineHeight(pages.Body));
            pages.Gfx.DrawString(label, pages.Body, XBrushes.Black, LetterPages.Left, pages.Y, XStringFormats.TopLeft);
            pages.Gfx.DrawString(":", pages.Body, XBrushes.Black, LetterPages.Left + labelWidth, pages.Y, XStringFormats.TopLeft);
            pages.DrawLines(lines, pages.Body, valueX, valueWidth, justify: false);
        }
    }

    private static string Numbered(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join('\n', items.Select((item, i) => $"{i + 1}. {item}"));
}
