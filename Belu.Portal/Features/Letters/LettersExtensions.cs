using Belu.Portal.Data.Seed;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Letters.Srikandi;
using Microsoft.Net.Http.Headers;

namespace Belu.Portal.Features.Letters;

public static class LettersExtensions
{
    public static WebApplicationBuilder AddLetters(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LettersOptions>(builder.Configuration, LettersOptions.Section);
        builder.Services.AddSingleton<LetterDirectories>();
        // One use case per class: commands that change and announce, queries without side effects.
        builder.Services.AddScoped<RegisterLetter>();
        builder.Services.AddScoped<OpenLetter>();
        builder.Services.AddScoped<PrintLetter>();
        builder.Services.AddScoped<OpenLetterFile>();
        builder.Services.AddScoped<LetterQueries>();
        builder.Services.AddScoped<DisposeLetter>();
        builder.Services.AddScoped<ProcessDisposition>();
        builder.Services.AddScoped<ReportFollowUp>();
        builder.Services.AddScoped<CancelDisposition>();
        builder.Services.AddScoped<DispositionQueries>();
        builder.Services.AddScoped<OutgoingLetterService>();
        builder.Services.AddScoped<InstructionService>();
        builder.Services.AddScoped<RecordSrikandi>();
        builder.Services.AddScoped<SrikandiQueries>();
        builder.Services.AddSingleton<IDeadlineScanner, DeadlineScanner>();
        builder.Services.AddHostedService<DeadlineWatcher>();
        builder.Services.AddScoped<IDemoSeedStep, LettersDemoSeed>();
        return builder;
    }

    public static WebApplication MapLetters(this WebApplication app)
    {
        // Scans and report attachments, streamed only after the service's scope check; a refusal (404, 403) carries no
        // bytes of the file and reaches the client through PortalExceptionHandler.
        app.MapGet("/surat/lampiran/{id:guid}", async (Guid id, HttpContext http, OpenLetterFile files, CancellationToken ct) =>
            {
                var (content, contentType, fileName) = await files.HandleAsync(id, ct);
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                http.Response.Headers[HeaderNames.ContentDisposition] =
                    new ContentDispositionHeaderValue("inline") { FileNameStar = fileName }.ToString();
                return Results.Stream(content, contentType, enableRangeProcessing: true);
            })
            .RequireAuthorization(Policies.Staff);
        app.MapGet("/surat/srikandi/{register}/{id:guid}", async (string register, Guid id, HttpContext http, SrikandiQueries srikandi, CancellationToken ct) =>
            {
                var target = register switch
                {
                    "masuk" => new SrikandiTarget(LetterRegister.Incoming, id),
                    "keluar" => new SrikandiTarget(LetterRegister.Outgoing, id),
                    _ => throw new Common.NotFoundException("Surat tidak ditemukan."),
                };
                var (content, fileName) = await srikandi.OpenPdfAsync(target, ct);
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                http.Response.Headers[HeaderNames.ContentDisposition] =
                    new ContentDispositionHeaderValue("inline") { FileNameStar = fileName }.ToString();
                return Results.Stream(content, "application/pdf", enableRangeProcessing: true);
            })
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}
