using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>The kinds of naskah dinas the portal drafts (Permendagri 1/2023); each has its own layout and fields.</summary>
public enum ElectronicLetterKind
{
    SuratDinas = 0,
    NotaDinas = 1,
    SuratUndangan = 2,
    SuratTugas = 3,
    SuratEdaran = 4,
}

/// <summary>The paper a letter is printed on: A4 (210×297 mm) or F4/folio (215×330 mm).</summary>
public enum PaperSize
{
    A4 = 0,
    F4 = 1,
}

/// <summary>The kop surat of an OPD: the regency's emblem (PNG), the government's name, the OPD's name, address and contacts.</summary>
public sealed record Letterhead(string GovernmentName, string UnitName, string Address, string Contacts, byte[]? EmblemPng);

/// <summary>
/// Who signs, as the signature block prints it: jabatan, name, pangkat/golongan and NIP.
/// <paramref name="ActingPrefix"/> is "Plh." or "Plt." when an acting official signs for the post, otherwise null.
/// </summary>
public sealed record SignatureBlock(string Position, string Name, string? Rank, string? Nip, string? ActingPrefix = null)
{
    /// <summary>The capacity line as printed: "Plh. Kepala Dinas …" for an acting official, the jabatan otherwise.</summary>
    public string Capacity => string.IsNullOrEmpty(ActingPrefix) ? Position : $"{ActingPrefix} {Position}";
}

/// <summary>One piece of a letter's body, in reading order.</summary>
public abstract record BodyBlock;

/// <summary>A paragraph: wrapped and justified, its last line left-aligned.</summary>
public sealed record Paragraph(string Text) : BodyBlock;

/// <summary>A numbered list (1., 2., …) whose items wrap under their own text.</summary>
public sealed record NumberedList(IReadOnlyList<string> Items) : BodyBlock;

/// <summary>A simple table: a header row and rows of plain text cells, as many cells per row as the header has.</summary>
public sealed record SimpleTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : BodyBlock;

/// <summary>
/// Everything the PDF of a naskah dinas shows, and nothing else: the drafting feature builds it from a draft,
/// the PDF renderer draws it. <paramref name="Number"/> and <paramref name="Date"/> are null until the letter is signed
/// (a preview prints blanks in their place); <paramref name="VerificationUrl"/> is the QR code's target, null in a preview.
/// </summary>
public sealed record LetterDocument(
    ElectronicLetterKind Kind,
    PaperSize Paper,
    Letterhead Kop,
    string Place,
    DateOnly? Date,
    string? Number,
    SecurityClass Security,
    Urgency Urgency,
    string Attachments,
    string Subject,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<BodyBlock> Body,
    SignatureBlock Signer,
    IReadOnlyList<string> Copies,
    string? VerificationUrl);
