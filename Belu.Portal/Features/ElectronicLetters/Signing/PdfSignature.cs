using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using Belu.Portal.Features.ElectronicLetters.Pdf;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// Puts one invisible signature into a finished PDF with PDFsharp and writes the whole file anew (PDFsharp has no
/// incremental save, so this is the last thing done to the file). The printed footer and QR code are the visible mark.
/// </summary>
internal static class PdfSignature
{
    /// <summary>Null when the bytes are not a PDF PDFsharp can open.</summary>
    public static async Task<byte[]?> SignAsync(byte[] pdf, IDigitalSigner signer, string reason, string location)
    {
        LetterFonts.Install();
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or IOException)
        {
            return null;
        }
        using (document)
        {
            using var output = new MemoryStream();
            var options = new DigitalSignatureOptions
            {
                Reason = reason,
                Location = location,
                AppName = "Belu.Portal",
                PageIndex = 0,
                AppearanceHandler = new NoAppearance(),
            };
            DigitalSignatureHandler.ForDocument(document, new PadesSubFilter(signer, output), options);
            await document.SaveAsync(output, closeStream: false);
            return output.ToArray();
        }
    }

    /// <summary>
    /// PDFsharp writes SubFilter adbe.pkcs7.detached and offers no option for it. When it asks for the signature, the
    /// file is written up to the placeholder but not yet digested: the name is switched there, in place, to
    /// ETSI.CAdES.detached (the same length, so no offset moves), which tells a reader to check the signature as PAdES.
    /// </summary>
    private sealed class PadesSubFilter(IDigitalSigner inner, MemoryStream output) : IDigitalSigner
    {
        private static readonly byte[] Written = "/SubFilter/adbe.pkcs7.detached"u8.ToArray();
        private static readonly byte[] Pades = "/SubFilter/ETSI.CAdES.detached"u8.ToArray();

        public string CertificateName => inner.CertificateName;

        public Task<int> GetSignatureSizeAsync() => inner.GetSignatureSizeAsync();

        public Task<byte[]> GetSignatureAsync(Stream stream)
        {
            var written = output.GetBuffer().AsSpan(0, (int)output.Length);
            var at = written.IndexOf(Written);
            if (at < 0)
            {
                throw new InvalidOperationException("PDFsharp did not write the signature's SubFilter where it is expected.");
            }
            Pades.CopyTo(written[at..]);
            return inner.GetSignatureAsync(stream);
        }
    }

    /// <summary>The signature is invisible: the printed footer and QR code are its visible mark.</summary>
    private sealed class NoAppearance : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
        }
    }
}
