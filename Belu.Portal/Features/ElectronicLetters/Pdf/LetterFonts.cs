using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>
/// The only fonts a naskah dinas PDF uses: Liberation Serif and Sans, shipped inside the assembly (SIL OFL). Every
/// family the library or a caller asks for (Times New Roman, Arial, Verdana for the signature box, Courier New…)
/// resolves to one of them, so the PDF is the same on every machine and no system font is ever looked up.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Serif = "Liberation Serif";
    public const string Sans = "Liberation Sans";

    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>PDFsharp keeps one resolver per process; the first letter installs ours, later calls do nothing.</summary>
    public static void Install()
    {
        if (GlobalFontSettings.FontResolver is LetterFonts)
        {
            return;
        }
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not LetterFonts)
            {
                GlobalFontSettings.FontResolver = new LetterFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var family = IsSans(familyName) ? "Sans" : "Serif";
        // Sans ships upright only; an italic sans request is simulated rather than falling back to serif.
        if (family == "Sans")
        {
            return new FontResolverInfo(bold ? "LiberationSans-Bold" : "LiberationSans-Regular", false, italic);
        }
        var face = (bold, italic) switch
        {
            (true, true) => "LiberationSerif-BoldItalic",
            (true, false) => "LiberationSerif-Bold",
            (false, true) => "LiberationSerif-Italic",
            _ => "LiberationSerif-Regular",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    /// <summary>Sans-serif and monospace families map to Liberation Sans; everything else (serif, unknown) to Liberation Serif.</summary>
    internal static bool IsSans(string familyName)
    {
        var name = familyName.Trim().ToLowerInvariant();
        return name.Contains("sans", StringComparison.Ordinal)
            || name is "arial" or "verdana" or "helvetica" or "tahoma" or "segoe ui" or "calibri" or "courier new" or "courier" or "consolas";
    }

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream($"Belu.Portal.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"Font {faceName} is not embedded in the portal.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
