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

    /// <summary>Creates (or loads) the regency CA when the portal starts, after the migrations, so a broken key stops the start, not a signer.</summary>
    private sealed class SigningAuthorityStartup(IOptions<SigningOptions> options, LocalCertificateAuthority authority) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider == "LocalCa")
            {
                await authority.GetAsync(cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
