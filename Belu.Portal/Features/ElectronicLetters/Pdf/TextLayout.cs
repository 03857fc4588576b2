using PdfSharp.Drawing;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>One line of wrapped text: its words and whether it ends a paragraph (then it is not stretched).</summary>
internal sealed record TextLine(IReadOnlyList<string> Words, bool EndsParagraph);

/// <summary>
/// Word wrap and justification measured with the font itself. PDFsharp's XTextFormatter can neither measure a block
/// nor break it across pages, so the letter lays its lines out here and the page writer places them one by one.
/// </summary>
internal static class TextLayout
{
    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>; line breaks in the text start a new line.</summary>
    public static List<TextLine> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<TextLine>();
        var space = gfx.MeasureString(" ", font).Width;
        foreach (var hardLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var current = new List<string>();
            var currentWidth = 0.0;
            foreach (var rawWord in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var word in SplitLongWord(gfx, rawWord, font, width))
                {
                    var wordWidth = gfx.MeasureString(word, font).Width;
                    var needed = current.Count == 0 ? wordWidth : currentWidth + space + wordWidth;
                    if (current.Count > 0 && needed > width)
                    {
                        lines.Add(new TextLine(current, false));
                        current = [];
                        needed = wordWidth;
                    }
                    current.Add(word);
                    currentWidth = needed;
                }
            }
            lines.Add(new TextLine(current, true));
        }
        return lines;
    }

    /// <summary>
    /// Draws a line from its top-left corner. Justified lines spread the words over the full width; the last line of a
    /// paragraph and a line of one word stay left-aligned.
    /// </summary>
    public static void Draw(XGraphics gfx, TextLine line, XFont font, double x, double y, double width, bool justify)
    {
        if (line.Words.Count == 0)
        {
            return;
        }
        if (!justify || line.EndsParagraph || line.Words.Count == 1)
        {
            gfx.DrawString(string.Join(' ', line.Words), font, XBrushes.Black, x, y, XStringFormats.TopLeft);
            return;
        }
        var widths = line.Words.Select(w => gfx.MeasureString(w, font).Width).ToArray();
        var gap = (width - widths.Sum()) / (line.Words.Count - 1);
        var position = x;
        for (var i = 0; i < line.Words.Count; i++)
        {
            gfx.DrawString(line.Words[i], font, XBrushes.Black, position, y, XStringFormats.TopLeft);
            position += widths[i] + gap;
        }
    }

    /// <summary>A word wider than the column (a long URL, a NIP list without spaces) is cut where it must, never lost.</summary>
    private static IEnumerable<string> SplitLongWord(XGraphics gfx, string word, XFont font, double width)
    {
        if (gfx.MeasureString(word, font).Width <= width)
        {
            yield return word;
            yield break;
        }
        var start = 0;
        while (start < word.Length)
        {
            var length = 1;
            while (start + length < word.Length && gfx.MeasureString(word.Substring(start, length + 1), font).Width <= width)
            {
                length++;
            }
            yield return word.Substring(start, length);
            start += length;
        }
    }
}
