namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// Signs a finished letter PDF for one signer. The caller stamps everything first (number, date, footer and QR code)
/// and signs last: the provider rewrites nothing but adds the one signature, and nothing may be added after it.
/// A refusal (wrong passphrase, not enrolled, service down) signs nothing and says why in Bahasa Indonesia.
/// </summary>
public interface ISignatureProvider
{
    /// <summary>"LocalCa" or "Bsre", as configured in <c>Signing:Provider</c>.</summary>
    string Name { get; }

    Task<SigningOutcome> SignAsync(byte[] pdf, SignerIdentity signer, string passphrase, CancellationToken cancellationToken = default);
}

/// <summary>
/// Who signs. The local CA finds the signer's certificate by <paramref name="EmployeeId"/>; BSrE knows the signer
/// by <paramref name="Nik"/> (the 16-digit population number its certificates are registered under).
/// </summary>
public sealed record SignerIdentity(int EmployeeId, string Name, string? Nip, string Position, string? Nik = null);

/// <summary>Why a signature was refused.</summary>
public enum SigningRefusal
{
    WrongPassphrase = 1,
    NotEnrolled = 2,
    ServiceUnavailable = 3,
    InvalidDocument = 4,
}

/// <summary>The signed PDF, or the refusal and the sentence to show the signer.</summary>
public sealed record SigningOutcome(byte[]? SignedPdf, SigningRefusal? Refusal, string? Message)
{
    public bool Succeeded => SignedPdf is not null;

    public static SigningOutcome Signed(byte[] pdf) => new(pdf, null, null);

    public static SigningOutcome Refused(SigningRefusal refusal) => new(null, refusal, MessageFor(refusal));

    public static string MessageFor(SigningRefusal refusal) => refusal switch
    {
        SigningRefusal.WrongPassphrase => "Passphrase salah. Dokumen tidak ditandatangani.",
        SigningRefusal.NotEnrolled => "Penanda tangan belum terdaftar untuk tanda tangan elektronik. Dokumen tidak ditandatangani.",
        SigningRefusal.ServiceUnavailable => "Layanan tanda tangan elektronik sedang tidak dapat dihubungi. Dokumen tidak ditandatangani; coba lagi nanti.",
        SigningRefusal.InvalidDocument => "Dokumen tidak dapat ditandatangani karena bukan PDF yang utuh.",
        _ => "Dokumen tidak ditandatangani.",
    };
}
