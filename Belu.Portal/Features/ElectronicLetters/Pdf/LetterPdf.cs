using PdfSharp.Pdf;

namespace Belu.Portal.Features.ElectronicLetters.Pdf;

/// <summary>
/// Draws a naskah dinas (<see cref="LetterDocument"/>) as a PDF, with the portal's own fonts and no office suite.
/// The layout per kind is in docs/domain/naskah-dinas.md (Permendagri 1/2023). The result is ready to sign: the
/// footer and QR code are already on every page, because a signed PDF cannot be stamped afterwards.
/// </summary>
public sealed class LetterPdf
{
    public byte[] Render(LetterDocument letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LetterFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = string.IsNullOrWhiteSpace(letter.Subject) ? KindTitle(letter.Kind) : letter.Subject;
        document.Info.Creator = "Belu.Portal";
        var footer = string.IsNullOrWhiteSpace(letter.VerificationUrl) ? null : new VerificationFooter(letter.VerificationUrl);
        using (var pages = new LetterPages(document, letter.Paper, footer is null ? 0 : VerificationFooter.Height))
        {
            LetterHeadings.DrawKop(pages, letter.Kop);
            string? signingDate = null;
            switch (letter.Kind)
            {
                case ElectronicLetterKind.NotaDinas:
                    LetterHeadings.DrawNotaDinas(pages, letter);
                    break;
                case ElectronicLetterKind.SuratTugas:
                case ElectronicLetterKind.SuratEdaran:
                    LetterHeadings.DrawTitled(pages, letter);
                    signingDate = LetterHeadings.PlaceAndDate(letter);
                    break;
                default:
                    LetterHeadings.DrawClassic(pages, letter);
                    break;
            }
            LetterBody.Draw(pages, letter.Body);
            LetterBody.DrawSignature(pages, letter.Signer, signingDate);
            // A Nota Dinas names its tembusan in the table at the top.
            if (letter.Kind != ElectronicLetterKind.NotaDinas)
            {
                LetterBody.DrawCopies(pages, letter.Copies);
            }
            pages.Finish(footer is null ? null : footer.Draw);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    internal static string KindTitle(ElectronicLetterKind kind) => kind switch
    {
        ElectronicLetterKind.NotaDinas => "Nota Dinas",
        ElectronicLetterKind.SuratUndangan => "Surat Undangan",
        ElectronicLetterKind.SuratTugas => "Surat Tugas",
        ElectronicLetterKind.SuratEdaran => "Surat Edaran",
        _ => "Surat Dinas",
    };
}
