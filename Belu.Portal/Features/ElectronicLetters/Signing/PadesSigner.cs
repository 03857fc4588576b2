using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// A PAdES baseline-B signature (ETSI EN 319 142-1) as PDFsharp's signer: a detached CMS SignedData over the PDF's
/// byte ranges, SHA-256, with the signing-certificate-v2 attribute (RFC 5035) binding the signer's certificate, the
/// CA's certificate beside it, and no signing-time attribute (PAdES puts the time in the signature dictionary).
/// </summary>
internal sealed class PadesSigner(X509Certificate2 certificate, X509Certificate2 authority) : IDigitalSigner
{
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false);

    /// <summary>Room for the CMS: both certificates, the RSA signature, the attributes, with a margin.</summary>
    public Task<int> GetSignatureSizeAsync() => Task.FromResult(certificate.RawData.Length + authority.RawData.Length + 2048);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp's ranged stream does not seek: read it forward through Length and Read.
        var data = new byte[stream.Length];
        var read = 0;
        while (read < data.Length)
        {
            var n = stream.Read(data, read, data.Length - read);
            if (n == 0)
            {
                throw new InvalidOperationException("The PDF ended before its signed byte ranges did.");
            }
            read += n;
        }
        var cms = new SignedCms(new ContentInfo(data), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(Sha256),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.Add(authority);
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, SigningCertificateV2Value(certificate, authority)));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }

    /// <summary>
    /// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, one ESSCertIDv2 ::= SEQUENCE { certHash
    /// OCTET STRING (SHA-256, the default algorithm, so not named), issuerSerial SEQUENCE { issuer GeneralNames
    /// (directoryName [4]), serialNumber INTEGER } }.
    /// </summary>
    internal static byte[] SigningCertificateV2Value(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(issuer.SubjectName.RawData);
                }
                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }
        return writer.Encode();
    }
}
