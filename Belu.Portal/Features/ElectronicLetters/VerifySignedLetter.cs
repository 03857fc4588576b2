using System.Security.Cryptography;
using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Features.Letters.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// What the public verification page tells anybody who holds the code: never the content; for a Rahasia or Sangat
/// Rahasia letter not even its subject and addressees (<see cref="Subject"/> and <see cref="Addressees"/> are null).
/// </summary>
public sealed record LetterVerification(
    string Number, DateOnly LetterDate, DateTime SignedAtUtc, string SignerName, string SignerPosition, string Sha256,
    SignedLetterStatus Status, ElectronicLetterKind Kind, string? Subject, IReadOnlyList<string>? Addressees);

/// <summary>How an uploaded file compares with the signed letter.</summary>
public enum UploadComparison
{
    SamaPersis = 0,
    TidakSama = 1,
    BukanPdf = 2,
    TerlaluBesar = 3,
    Kosong = 4,
}

/// <summary>
/// The public check of a signed letter (/verifikasi/{code}): its facts, and whether a PDF someone holds is exactly
/// the signed file (same SHA-256). Anonymous by design; the page is rate-limited per address.
/// </summary>
public sealed class VerifySignedLetter(IDbContextFactory<PortalDbContext> dbFactory, IOptions<SigningOptions> options)
{
    public long MaxUploadBytes => options.Value.VerifyUploadMaxMegabytes * 1024L * 1024L;

    /// <summary>The letter of <paramref name="code"/>, or null when no letter has that code.</summary>
    public async Task<LetterVerification?> FindAsync(string? code, CancellationToken ct = default)
    {
        var key = Normalise(code);
        if (key is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<SignedLetter>().AsNoTracking().Where(l => l.VerificationCode == key)
            .Select(l => new { l.Number, l.LetterDate, l.SignedAtUtc, l.SignerName, l.SignerPosition, l.Sha256, l.Status, l.Kind, l.Subject, l.Addressees, l.Security })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var secret = DraftAccessRules.IsSecret(row.Security);
        return new LetterVerification(row.Number, row.LetterDate, row.SignedAtUtc, row.SignerName, row.SignerPosition, row.Sha256, row.Status,
            row.Kind, secret ? null : row.Subject, secret ? null : row.Addressees.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Compares an uploaded file with the signed one; reads at most the size limit plus one byte.</summary>
    public async Task<UploadComparison> CompareAsync(LetterVerification letter, Stream upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var buffer = new MemoryStream();
        var limit = MaxUploadBytes;
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return UploadComparison.TerlaluBesar;
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return UploadComparison.Kosong;
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // Checked by content, not by name or declared type.
        if (bytes.Length < 5 || !bytes[..5].SequenceEqual("%PDF-"u8))
        {
            return UploadComparison.BukanPdf;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(letter.Sha256))
            ? UploadComparison.SamaPersis
            : UploadComparison.TidakSama;
    }

    public static string Message(UploadComparison result, long maxBytes) => result switch
    {
        UploadComparison.SamaPersis => "Berkas ini sama persis dengan naskah yang ditandatangani.",
        UploadComparison.TidakSama => "Berkas ini tidak sama dengan naskah yang ditandatangani: isinya berbeda, walau hanya satu bita. Jangan mempercayai salinan ini.",
        UploadComparison.BukanPdf => "Berkas yang diunggah bukan PDF. Unggah berkas PDF naskah yang ingin diperiksa.",
        UploadComparison.TerlaluBesar => $"Berkas terlalu besar: paling besar {maxBytes / (1024 * 1024)} MB.",
        _ => "Pilih berkas PDF yang ingin diperiksa.",
    };

    // Codes are upper-case base32; a code read aloud or typed in lower case still matches.
    private static string? Normalise(string? code)
    {
        var text = (code ?? "").Trim().ToUpperInvariant();
        return text.Length is > 0 and <= 32 && text.All(char.IsAsciiLetterOrDigit) ? text : null;
    }
}
