using Belu.Portal.Common;

namespace Belu.Portal.Features.Organization;

public static class OrganizationExtensions
{
    public static WebApplicationBuilder AddOrganization(this WebApplicationBuilder builder)
    {
        // One kept tree per instance, told of this instance's saves by an EF interceptor and of others' over the bus.
        builder.Services.AddKeyedSingleton(OrganizationTreeCache.SavesKey, (_, _) => new Data.ReferenceChanges(e => e is Unit or Employee));
        builder.Services.AddSingleton<OrganizationTreeCache>();
        builder.Services.AddScoped<OrganizationService>();
        builder.Services.AddScoped<SaveUnit>();
        builder.Services.AddScoped<SaveEmployee>();
        builder.Services.AddScoped<EmployeeImportService>();
        builder.Services.AddValidatedOptions<Acting.ActingOptions>(builder.Configuration, Acting.ActingOptions.Section);
        builder.Services.AddSingleton<Acting.PostHolders>();
        builder.Services.AddScoped<Acting.AppointActing>();
        builder.Services.AddScoped<Acting.ActingBasis>();
        builder.Services.AddScoped<Acting.CancelActing>();
        builder.Services.AddScoped<Acting.ActingQueries>();
        builder.Services.AddScoped<Acting.ReturnActingItems>();
        builder.Services.AddHostedService<Acting.ActingReturnWorker>();
        return builder;
    }

    public static WebApplication MapOrganization(this WebApplication app)
    {
        // A template the admin can open in a spreadsheet, fill in and import.
        app.MapGet("/organisasi/pegawai/impor/templat.csv", () =>
                Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(EmployeeCsv.Template)).ToArray(),
                    "text/csv; charset=utf-8", "templat-impor-pegawai.csv"))
            .RequireAuthorization(Accounts.Policies.Admin);
        return app;
    }
}
