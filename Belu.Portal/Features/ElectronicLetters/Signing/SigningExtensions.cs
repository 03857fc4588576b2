using Belu.Portal.Features.ElectronicLetters.Pdf;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// The PDF renderer and the electronic signature: <see cref="LetterPdf"/> draws a letter, <see cref="ISignatureProvider"/>
/// signs it (the regency CA or BSrE, by <c>Signing:Provider</c>), <see cref="EnrolSigner"/> gives a signer a
/// certificate and a passphrase for the local CA.
/// </summary>
public static class SigningExtensions
{
    public static WebApplicationBuilder AddElectronicSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SigningOptions>(builder.Configuration, SigningOptions.Section);
        builder.Services.AddSingleton<LetterPdf>();
        builder.Services.AddSingleton<LocalCertificateAuthority>();
        builder.Services.AddScoped<EnrolSigner>();
        builder.Services.AddSingleton<LocalCaSignatureProvider>();
        builder.Services.AddHttpClient<BsreSignatureProvider>(BsreSignatureProvider.HttpClientName, client =>
            // The adapter sets its own timeout from Signing:Bsre:TimeoutSeconds.
            client.Timeout = Timeout.InfiniteTimeSpan);
        // Chosen when resolved, not here: configuration may still be amended until Build().
        builder.Services.AddTransient<ISignatureProvider>(services =>
            services.GetRequiredService<IOptions<SigningOptions>>().Value.Provider == "Bsre"
                ? services.GetRequiredService<BsreSignatureProvider>()
                : services.GetRequiredService<LocalCaSignatureProvider>());
        builder.Services.AddHostedService<SigningAuthorityStartup>();
        return builder;
    }

    /// <summary>
    /// Creates (or loads) the regency CA when the portal starts, after the migrations. A CA whose key cannot be opened
    /// (the key-encryption certificate was replaced) is logged loudly but does not stop the portal: letters, attendance
    /// and sign-in go on, and signing refuses until the certificate is restored.
    /// </summary>
    private sealed class SigningAuthorityStartup(IOptions<SigningOptions> options, LocalCertificateAuthority authority, ILogger<SigningAuthorityStartup> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider != "LocalCa")
            {
                return;
            }
            try
            {
                await authority.GetAsync(cancellationToken);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                logger.LogCritical(ex, "The regency signing CA cannot be opened: restore the key-encryption certificate (DataProtection:CertificatePath) it was sealed with. Electronic signing is refused until then.");
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
