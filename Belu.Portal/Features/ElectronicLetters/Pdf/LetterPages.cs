using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>
/// The pages of one letter and the pen's position on the current one. Everything is drawn top-down through
/// <see cref="Reserve"/>, which starts a new page when the next piece would cross the bottom margin (or the footer),
/// so a page break never drops or clips a line. Page numbers and the verification footer are added at the end.
/// </summary>
internal sealed class LetterPages : IDisposable
{
    // Margins (docs/domain/naskah-dinas.md): 2.5 cm left, 2 cm right, 2 cm top and bottom.
    public static readonly double Left = XUnit.FromCentimeter(2.5).Point;
    public static readonly double Right = XUnit.FromCentimeter(2).Point;
    public static readonly double Top = XUnit.FromCentimeter(2).Point;
    public static readonly double Bottom = XUnit.FromCentimeter(2).Point;

    public const double BodySize = 12;
    public const double LineSpacing = 1.15;

    private readonly PdfDocument _document;
    private readonly PaperSize _paper;
    private readonly double _footerHeight;
    private PdfPage _page = null!;
    private bool _finished;

    public LetterPages(PdfDocument document, PaperSize paper, double footerHeight)
    {
        _document = document;
        _paper = paper;
        _footerHeight = footerHeight;
        Body = new XFont(LetterFonts.Sans, BodySize);
        Bold = new XFont(LetterFonts.Sans, BodySize, XFontStyleEx.Bold);
        AddPage();
    }

    public XFont Body { get; }

    public XFont Bold { get; }

    public XGraphics Gfx { get; private set; } = null!;

    /// <summary>The top of the next line, in points from the top edge.</summary>
    public double Y { get; set; }

    public double PageWidth => _page.Width.Point;

    public double ContentWidth => PageWidth - Left - Right;

    public double LineHeight(XFont font) => font.Size * LineSpacing;

    private double Limit => _page.Height.Point - Bottom - _footerHeight;

    /// <summary>Makes room for <paramref name="height"/> points, on a new page if this one has not enough left.</summary>
    public void Reserve(double height)
    {
        if (Y + height > Limit && Y > Top + PageNumberSpace)
        {
            AddPage();
        }
    }

    /// <summary>Room under the top margin for the page number, from page 2 on.</summary>
    private static double PageNumberSpace => BodySize * 2;

    /// <summary>Draws wrapped lines one by one, each on whichever page has room for it.</summary>
    public void DrawLines(IEnumerable<TextLine> lines, XFont font, double x, double width, bool justify)
    {
        foreach (var line in lines)
        {
            Reserve(LineHeight(font));
            TextLayout.Draw(Gfx, line, font, x, Y, width, justify);
            Y += LineHeight(font);
        }
    }

    /// <summary>A paragraph (or any text) wrapped to the column at <paramref name="x"/>.</summary>
    public void DrawText(string text, XFont font, double x, double width, bool justify = false) =>
        DrawLines(TextLayout.Wrap(Gfx, text, font, width), font, x, width, justify);

    /// <summary>One line centred on the page.</summary>
    public void DrawCentred(string text, XFont font, bool underline = false)
    {
        Reserve(LineHeight(font));
        var width = Gfx.MeasureString(text, font).Width;
        var x = Left + (ContentWidth - width) / 2;
        Gfx.DrawString(text, font, XBrushes.Black, x, Y, XStringFormats.TopLeft);
        if (underline)
        {
            var baseline = Y + font.Size * 1.05;
            Gfx.DrawLine(new XPen(XColors.Black, 0.8), x, baseline, x + width, baseline);
        }
        Y += LineHeight(font);
    }

    public void Skip(double lines) => Y += LineHeight(Body) * lines;

    /// <summary>Closes the drawing and adds "- n -" at the top of every page from the second, and the footer on every page.</summary>
    public void Finish(Action<XGraphics, PdfPage>? footer)
    {
        Gfx.Dispose();
        _finished = true;
        var font = new XFont(LetterFonts.Sans, 10);
        for (var i = 0; i < _document.PageCount; i++)
        {
            if (i == 0 && footer is null)
            {
                continue;
            }
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            if (i > 0)
            {
                var number = $"- {i + 1} -";
                var width = gfx.MeasureString(number, font).Width;
                gfx.DrawString(number, font, XBrushes.Black, (page.Width.Point - width) / 2, Top - font.Size, XStringFormats.TopLeft);
            }
            footer?.Invoke(gfx, page);
        }
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Gfx.Dispose();
        }
    }

    private void AddPage()
    {
        Gfx?.Dispose();
        _page = _document.AddPage();
        if (_paper == PaperSize.F4)
        {
            _page.Width = XUnit.FromMillimeter(215);
            _page.Height = XUnit.FromMillimeter(330);
        }
        else
        {
            _page.Width = XUnit.FromMillimeter(210);
            _page.Height = XUnit.FromMillimeter(297);
        }
        Gfx = XGraphics.FromPdfPage(_page);
        Y = _document.PageCount == 1 ? Top : Top + PageNumberSpace;
    }
}
