using System.Security.Claims;
using Belu.Portal.Features.Accounts;

namespace Belu.Portal.Common;

/// <summary>
/// Who is calling, for services. Set once per HTTP request by middleware and once per Blazor circuit by
/// <see cref="CurrentUserCircuitHandler"/>, so services check permissions themselves instead of trusting pages.
/// </summary>
public sealed class CurrentUser
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal => _principal;

    /// <summary>Remote address of the caller, for the audit log.</summary>
    public string? IpAddress { get; private set; }

    public bool IsAuthenticated => _principal.Identity?.IsAuthenticated == true;

    public string? UserId => _principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => _principal.Identity?.Name ?? "anonim";

    public string DisplayName => _principal.FindFirstValue(PortalClaims.DisplayName) ?? UserName;

    public int? EmployeeId =>
        int.TryParse(_principal.FindFirstValue(PortalClaims.EmployeeId), out var id) ? id : null;

    public bool IsInRole(string role) => _principal.IsInRole(role);

    public bool IsAdmin => IsInRole(Roles.Admin);

    /// <summary>
    /// The post (its definitive official's employee id) this circuit chose to act for as Plh/Plt, or null to act as
    /// oneself. Only a choice: every use checks it against the appointments in force that day (docs/domain/acting.md).
    /// </summary>
    public int? ActingAs { get; set; }

    /// <summary>The cookie the "Bertindak sebagai" switch writes, read back on each request and circuit.</summary>
    public const string ActingCookie = "belu.bertindak";

    /// <summary>Takes the acting choice from the request's cookie (the switch writes it), or none.</summary>
    public void ReadActingChoice(HttpContext? context) =>
        ActingAs = context?.Request.Cookies[ActingCookie] is string v && int.TryParse(v, out var id) ? id : null;

    public void Set(ClaimsPrincipal principal, string? ipAddress = null)
    {
        _principal = principal;
        if (ipAddress is not null)
        {
            IpAddress = ipAddress;
        }
    }

    /// <summary>Throws <see cref="ForbiddenException"/> unless the caller holds one of the roles.</summary>
    public void RequireAnyRole(params string[] roles)
    {
        if (!IsAuthenticated || !roles.Any(IsInRole))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>The caller's employee id; throws when the account is not a staff member's.</summary>
    public int RequireEmployeeId() =>
        IsAuthenticated && EmployeeId is int id ? id : throw new ForbiddenException("Akun ini tidak terhubung dengan data pegawai.");
}
