using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Pdf;
using Belu.Portal.Features.ElectronicLetters.Signing;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Bench.Sign;

/// <summary>
/// Generate and sign a 2-page naskah dinas N times, in process, as the local CA does it: render, open the signer's
/// PKCS#12 with the passphrase (the same KDF rounds as enrolment), sign PAdES-B. Prints p50/p95/max and the size.
/// </summary>
public static class SignBench
{
    public const string Usage = "sign [count=200]   generate and sign a 2-page letter N times (render + PKCS#12 + PAdES-B)";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var (ca, pfx) = CreateSigner("Bench#Passphrase1");
        var renderer = new LetterPdf();
        var letter = Letter();
        var times = new List<double>(count);
        var size = 0;
        for (var i = -5; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var pdf = renderer.Render(letter);
            using var certificate = X509CertificateLoader.LoadPkcs12(pfx, "Bench#Passphrase1", X509KeyStorageFlags.EphemeralKeySet);
            var signed = await PdfSignature.SignAsync(pdf, new PadesSigner(certificate, ca), "bench", "Kabupaten Belu")
                ?? throw new InvalidOperationException("not signed");
            watch.Stop();
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                size = signed.Length;
            }
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sign: {count} letters, p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms, {size / 1024} KiB each"));
        return 0;
    }

    private static (X509Certificate2 Ca, byte[] Pfx) CreateSigner(string passphrase)
    {
        using var caKey = RSA.Create(3072);
        var caRequest = new CertificateRequest("CN=Bench CA Kabupaten Belu", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Penanda Tangan, SERIALNUMBER=197805122005011003", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMonths(6), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(key);
        return (ca, withKey.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, EnrolSigner.KdfIterations), passphrase));
    }

    private static LetterDocument Letter() => new(
        ElectronicLetterKind.SuratDinas, PaperSize.A4,
        new Letterhead("Pemerintah Kabupaten Belu", "Dinas Komunikasi dan Informatika", "Jalan Jenderal Sudirman No. 1, Atambua", "Telepon (0389) 21001", null),
        "Atambua", new DateOnly(2026, 12, 2), "000.1.2/123/KOMINFO/2026", SecurityClass.Biasa, Urgency.Biasa, "-", "Rapat Koordinasi",
        ["Kepala Badan Perencanaan Pembangunan Daerah"],
        [.. Enumerable.Range(1, 9).Select(i => new Paragraph($"Paragraf {i}. " + string.Concat(Enumerable.Repeat("Penyelenggaraan sistem pemerintahan berbasis elektronik di lingkungan Pemerintah Kabupaten Belu. ", 4))))],
        new SignatureBlock("Kepala Dinas Komunikasi dan Informatika", "Yohanes Bria", "Pembina (IV/a)", "197805122005011003"),
        ["Bupati Belu"], "https://portal.belukab.go.id/verifikasi/AB12CD34");
}
