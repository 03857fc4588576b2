namespace Belu.Portal.Features.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log every feature writes to, and the admins' search over it.</summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditService>();
        return builder;
    }
}
