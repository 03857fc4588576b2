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
        builder.Services.AddScoped<DraftQueries>();
        builder.Services.AddScoped<DraftDetailsQuery>();
        builder.Services.AddScoped<LetterheadQueries>();
        builder.Services.AddScoped<SaveLetterhead>();
        return builder;
    }
}
