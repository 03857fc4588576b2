using System.Text.RegularExpressions;

namespace Belu.Portal.Features.ElectronicLetters.Domain;

/// <summary>
/// The body of a naskah dinas as its conceptor types it: plain text, never HTML. A blank line separates paragraphs;
/// lines starting "1. ", "2. " … form a numbered list; lines with <c>|</c> between cells form a simple table whose
/// first line is the header (a line of dashes under it, as in Markdown, is skipped). The renderer and the preview
/// draw the blocks; nothing the user typed is ever markup.
/// </summary>
public static partial class BodyFormat
{
    private enum LineKind { Text, Item, Row }

    public static IReadOnlyList<BodyBlock> Parse(string? text)
    {
        var blocks = new List<BodyBlock>();
        var paragraph = new List<string>();
        var items = new List<string>();
        var rows = new List<IReadOnlyList<string>>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Paragraph(string.Join(' ', paragraph)));
                paragraph.Clear();
            }
            if (items.Count > 0)
            {
                blocks.Add(new NumberedList([.. items]));
                items.Clear();
            }
            if (rows.Count > 0)
            {
                blocks.Add(Table(rows));
                rows.Clear();
            }
        }

        LineKind? current = null;
        foreach (var raw in (text ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                current = null;
                continue;
            }
            var kind = ListItem().IsMatch(line) ? LineKind.Item : line.Contains('|') ? LineKind.Row : LineKind.Text;
            if (current is not null && kind != current)
            {
                Flush();
            }
            current = kind;
            switch (kind)
            {
                case LineKind.Item:
                    var item = ListItem().Match(line).Groups[1].Value.Trim();
                    if (item.Length > 0)
                    {
                        items.Add(item);
                    }
                    break;
                case LineKind.Row:
                    var cells = Cells(line);
                    if (!cells.All(c => Separator().IsMatch(c)))
                    {
                        rows.Add(cells);
                    }
                    break;
                default:
                    paragraph.Add(line);
                    break;
            }
        }
        Flush();
        return blocks;
    }

    private static List<string> Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }
        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }
        return [.. trimmed.Split('|').Select(c => c.Trim())];
    }

    /// <summary>Every row gets as many cells as the header: short rows are padded, extra cells join the last one.</summary>
    private static SimpleTable Table(List<IReadOnlyList<string>> rows)
    {
        var header = rows[0];
        var width = header.Count;
        var body = rows.Skip(1).Select(r => (IReadOnlyList<string>)(r.Count <= width
            ? [.. r, .. Enumerable.Repeat("", width - r.Count)]
            : [.. r.Take(width - 1), string.Join(" | ", r.Skip(width - 1))])).ToList();
        return new SimpleTable(header, body);
    }

    [GeneratedRegex(@"^\d{1,3}\.\s+(.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex Separator();
}
