using Belu.Portal.Features.Accounts;
using Microsoft.Net.Http.Headers;

namespace Belu.Portal.Features.ElectronicLetters;

public static class ElectronicLettersExtensions
{
    /// <summary>Naskah dinas elektronik: kop surat, drafting and review. One use case per class.</summary>
    public static WebApplicationBuilder AddElectronicLetters(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StartDraft>();
        builder.Services.AddScoped<SaveDraft>();
        builder.Services.AddScoped<EditChain>();
        builder.Services.AddScoped<SendForReview>();
        builder.Services.AddScoped<InitialDraft>();
        builder.Services.AddScoped<EditAsVerifier>();
        builder.Services.AddScoped<ReturnDraft>();
        builder.Services.AddScoped<CancelDraft>();
        builder.Services.AddScoped<SignDraft>();
        builder.Services.AddScoped<Delivery.DeliverSignedLetter>();
        builder.Services.AddScoped<Delivery.DeliveryStatusQuery>();
        builder.Services.AddScoped<Delivery.RecordDispatch>();
        builder.Services.AddScoped<SuratTugasDuty>();
        builder.Services.AddScoped<OpenDraftPdf>();
        builder.Services.AddScoped<VerifySignedLetter>();
        builder.Services.AddScoped<Signing.SignerStatusQuery>();
        builder.Services.AddScoped<Signing.UnlockSigner>();
        builder.Services.AddScoped<DraftQueries>();
        builder.Services.AddScoped<NaskahCountsQuery>();
        builder.Services.AddScoped<DraftDetailsQuery>();
        builder.Services.AddScoped<LetterheadQueries>();
        builder.Services.AddScoped<SaveLetterhead>();
        builder.Services.AddScoped<Data.Seed.IDemoSeedStep, ElectronicLettersDemoSeed>();
        return builder;
    }

    public static WebApplication MapElectronicLetters(this WebApplication app)
    {
        // The draft's PDF, only after the service's scope check: the signed file byte for byte, or an unnumbered preview.
        app.MapGet("/naskah/{id:guid}/pdf", async (Guid id, HttpContext http, OpenDraftPdf pdfs, CancellationToken ct) =>
            {
                var pdf = await pdfs.HandleAsync(id, ct);
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                http.Response.Headers[HeaderNames.ContentDisposition] =
                    new ContentDispositionHeaderValue(pdf.Signed ? "attachment" : "inline") { FileNameStar = pdf.FileName }.ToString();
                return Results.Bytes(pdf.Content, "application/pdf");
            })
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}
