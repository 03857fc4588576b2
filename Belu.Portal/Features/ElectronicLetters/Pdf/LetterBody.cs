using PdfSharp.Drawing;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>The body (paragraphs, numbered lists, tables), the signature block and the tembusan.</summary>
internal static class LetterBody
{
    private const double CellPadding = 3;

    public static void Draw(LetterPages pages, IReadOnlyList<BodyBlock> body)
    {
        foreach (var block in body)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    pages.DrawText(paragraph.Text, pages.Body, LetterPages.Left, pages.ContentWidth, justify: true);
                    break;
                case NumberedList list:
                    DrawNumbered(pages, list.Items, LetterPages.Left, pages.ContentWidth, justify: true);
                    break;
                case SimpleTable table:
                    DrawTable(pages, table);
                    break;
            }
            pages.Skip(0.5);
        }
    }

    /// <summary>"1." hangs in the margin of its item; the item's lines wrap under its own text, not under the number.</summary>
    public static void DrawNumbered(LetterPages pages, IReadOnlyList<string> items, double x, double width, bool justify)
    {
        var indent = pages.Gfx.MeasureString($"{items.Count}. ", pages.Body).Width + 2;
        for (var i = 0; i < items.Count; i++)
        {
            var lines = TextLayout.Wrap(pages.Gfx, items[i], pages.Body, width - indent);
            pages.Reserve(pages.LineHeight(pages.Body));
            pages.Gfx.DrawString($"{i + 1}.", pages.Body, XBrushes.Black, x, pages.Y, XStringFormats.TopLeft);
            pages.DrawLines(lines, pages.Body, x + indent, width - indent, justify);
        }
    }

    /// <summary>
    /// A bordered table whose columns share the width by their content; cells wrap. A row never splits: one that does
    /// not fit goes to the next page, under a repeated header row.
    /// </summary>
    public static void DrawTable(LetterPages pages, SimpleTable table)
    {
        var columns = table.Header.Count;
        if (columns == 0)
        {
            return;
        }
        var widths = ColumnWidths(pages, table);
        var bold = pages.Bold;
        var header = table.Header.Select((text, c) => TextLayout.Wrap(pages.Gfx, text, bold, widths[c] - 2 * CellPadding)).ToList();
        DrawRow(pages, header, widths, bold);
        foreach (var row in table.Rows)
        {
            var cells = Enumerable.Range(0, columns)
                .Select(c => TextLayout.Wrap(pages.Gfx, c < row.Count ? row[c] : "", pages.Body, widths[c] - 2 * CellPadding)).ToList();
            var before = pages.Gfx;
            pages.Reserve(RowHeight(pages, cells, pages.Body));
            if (!ReferenceEquals(before, pages.Gfx))
            {
                DrawRow(pages, header, widths, bold);
            }
            DrawRow(pages, cells, widths, pages.Body);
        }
    }

    /// <summary>The signature block in the right half: [place and date,] jabatan (with Plh./Plt.), room, name, pangkat, NIP. Kept on one page.</summary>
    public static void DrawSignature(LetterPages pages, SignatureBlock signer, string? placeAndDate)
    {
        var x = LetterPages.Left + pages.ContentWidth * 0.5;
        var width = pages.ContentWidth * 0.5;
        var position = signer.Capacity;
        var positionLines = TextLayout.Wrap(pages.Gfx, position + ",", pages.Body, width);
        var line = pages.LineHeight(pages.Body);
        var lines = positionLines.Count + 4 + (placeAndDate is null ? 0 : 1) + (signer.Rank is null ? 0 : 1) + (signer.Nip is null ? 0 : 1);
        pages.Skip(0.5);
        pages.Reserve(lines * line);
        if (placeAndDate is not null)
        {
            pages.DrawText(placeAndDate, pages.Body, x, width);
        }
        pages.DrawLines(positionLines, pages.Body, x, width, justify: false);
        pages.Skip(3);
        var nameWidth = pages.Gfx.MeasureString(signer.Name, pages.Bold).Width;
        pages.Gfx.DrawString(signer.Name, pages.Bold, XBrushes.Black, x, pages.Y, XStringFormats.TopLeft);
        var baseline = pages.Y + pages.Bold.Size * 1.05;
        pages.Gfx.DrawLine(new XPen(XColors.Black, 0.8), x, baseline, x + Math.Min(nameWidth, width), baseline);
        pages.Y += line;
        if (signer.Rank is not null)
        {
            pages.DrawText(signer.Rank, pages.Body, x, width);
        }
        if (signer.Nip is not null)
        {
            pages.DrawText($"NIP. {signer.Nip}", pages.Body, x, width);
        }
    }

    /// <summary>"Tembusan:" and the numbered copies, at the left under the signature.</summary>
    public static void DrawCopies(LetterPages pages, IReadOnlyList<string> copies)
    {
        if (copies.Count == 0)
        {
            return;
        }
        pages.Skip(1);
        pages.Reserve(pages.LineHeight(pages.Body) * 2);
        pages.DrawText("Tembusan:", pages.Body, LetterPages.Left, pages.ContentWidth);
        DrawNumbered(pages, copies, LetterPages.Left, pages.ContentWidth * 0.7, justify: false);
    }

    private static double RowHeight(LetterPages pages, List<List<TextLine>> cells, XFont font) =>
        cells.Max(c => c.Count) * pages.LineHeight(font) + 2 * CellPadding;

    private static void DrawRow(LetterPages pages, List<List<TextLine>> cells, double[] widths, XFont font)
    {
        var height = RowHeight(pages, cells, font);
        pages.Reserve(height);
        var pen = new XPen(XColors.Black, 0.6);
        var x = LetterPages.Left;
        for (var c = 0; c < cells.Count; c++)
        {
            pages.Gfx.DrawRectangle(pen, x, pages.Y, widths[c], height);
            var y = pages.Y + CellPadding;
            foreach (var line in cells[c])
            {
                TextLayout.Draw(pages.Gfx, line, font, x + CellPadding, y, widths[c] - 2 * CellPadding, justify: false);
                y += pages.LineHeight(font);
            }
            x += widths[c];
        }
        pages.Y += height;
    }

    /// <summary>
    /// Each column gets at least its longest word (a NIP, "Pangkat/Gol.") so no word is broken inside a cell; the room
    /// left is shared in proportion to how much more each column's longest text needs. Only when the longest words
    /// alone overflow the page are they scaled down (and then broken).
    /// </summary>
    private static double[] ColumnWidths(LetterPages pages, SimpleTable table)
    {
        var columns = table.Header.Count;
        var (natural, minimal) = (new double[columns], new double[columns]);
        for (var c = 0; c < columns; c++)
        {
            var texts = table.Rows.Select(r => c < r.Count ? r[c] : "").Prepend(table.Header[c]).ToList();
            natural[c] = texts.Max(t => pages.Gfx.MeasureString(t.Length == 0 ? " " : t, pages.Bold).Width) + 2 * CellPadding;
            minimal[c] = texts.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).DefaultIfEmpty(" ")
                .Max(w => pages.Gfx.MeasureString(w, pages.Bold).Width) + 2 * CellPadding;
        }
        var width = pages.ContentWidth;
        if (natural.Sum() <= width)
        {
            return [.. natural.Select(n => n * width / natural.Sum())];
        }
        if (minimal.Sum() >= width)
        {
            return [.. minimal.Select(m => m * width / minimal.Sum())];
        }
        var room = width - minimal.Sum();
        var wants = natural.Select((n, c) => n - minimal[c]).ToArray();
        return [.. minimal.Select((m, c) => m + room * wants[c] / wants.Sum())];
    }
}
