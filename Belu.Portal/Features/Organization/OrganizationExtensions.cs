namespace Belu.Portal.Features.Organization;

public static class OrganizationExtensions
{
    public static WebApplicationBuilder AddOrganization(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganizationService>();
        builder.Services.AddScoped<EmployeeImportService>();
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
