using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>
/// The footer of a signed letter, on every page: the statement that it is signed electronically with a certificate
/// (the wording regional letters use for a BSrE signature) and a QR code to the public verification page.
/// </summary>
internal sealed class VerificationFooter
{
    public static readonly double Height = XUnit.FromCentimeter(2.2).Point;
    private static readonly double QrSize = XUnit.FromCentimeter(2).Point;

    private readonly string _url;
    private readonly byte[] _qrPng;

    public VerificationFooter(string url)
    {
        _url = url;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // Explicit RGBA colours: the plain overload writes a 1-bit grayscale PNG, which PDFsharp refuses.
        _qrPng = new PngByteQRCode(data).GetGraphic(6, [0, 0, 0, 255], [255, 255, 255, 255], drawQuietZones: false);
    }

    public string Text =>
        $"Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik. Keaslian dapat diperiksa di {_url}";

    public void Draw(XGraphics gfx, PdfPage page)
    {
        var top = page.Height.Point - LetterPages.Bottom - Height + XUnit.FromCentimeter(0.2).Point;
        var left = LetterPages.Left;
        var width = page.Width.Point - LetterPages.Left - LetterPages.Right;
        gfx.DrawLine(new XPen(XColors.Black, 0.5), left, top - 2, left + width, top - 2);
        using (var image = XImage.FromStream(new MemoryStream(_qrPng)))
        {
            gfx.DrawImage(image, left, top + 2, QrSize, QrSize);
        }
        var font = new XFont(LetterFonts.Sans, 8);
        var textX = left + QrSize + 8;
        var textWidth = width - QrSize - 8;
        var y = top + 6;
        foreach (var line in TextLayout.Wrap(gfx, Text, font, textWidth))
        {
            TextLayout.Draw(gfx, line, font, textX, y, textWidth, justify: false);
            y += font.Size * 1.25;
        }
    }
}
