using Belu.Portal.Features.Accounts;

namespace Belu.Portal.Features.Attendance.Field;

public static class FieldExtensions
{
    public static IServiceCollection AddFieldCheckIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FieldCheckInOptions>(configuration, FieldCheckInOptions.Section);
        services.AddScoped<FieldEligibility>();
        services.AddScoped<FieldReviewers>();
        services.AddScoped<RecordFieldPunch>();
        services.AddScoped<ReviewFieldPunch>();
        services.AddScoped<FieldQueries>();
        services.AddScoped<OpenFieldPhoto>();
        services.AddScoped<FieldPhotos>();
        services.AddHostedService<FieldPhotoSweeper>();
        services.AddScoped<SaveFieldSite>();
        services.AddScoped<MarkFieldStaff>();
        services.AddScoped<SetDutyDestination>();
        services.AddScoped<FieldAdminQueries>();
        return services;
    }

    public static WebApplication MapFieldCheckIn(this WebApplication app)
    {
        // The live photo of a field punch, after the service's check (refusals: PortalExceptionHandler). Never cached.
        app.MapGet("/absensi/lapangan/foto/{id:guid}", async (Guid id, OpenFieldPhoto photos, HttpContext http, CancellationToken ct) =>
        {
            var content = await photos.OpenAsync(id, ct);
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(content, "image/jpeg");
        }).RequireAuthorization(Policies.Staff);
        return app;
    }
}
