namespace Belu.Portal.Features.Accounts;

/// <summary>The portal's roles (docs/domain/roles.md). Each role has a policy of the same name.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Pimpinan = "Pimpinan";
    public const string Agendaris = "Agendaris";
    public const string Pegawai = "Pegawai";
    public const string Display = "Display";

    public static readonly IReadOnlyList<string> All = [Admin, Pimpinan, Agendaris, Pegawai, Display];

    /// <summary>People (not wall screens).</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Pimpinan, Agendaris, Pegawai];

    public static string Describe(string role) => role switch
    {
        Admin => "Administrator (Diskominfo)",
        Pimpinan => "Pimpinan",
        Agendaris => "Agendaris / Tata Usaha",
        Pegawai => "Pegawai",
        Display => "Layar monitor",
        _ => role,
    };
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Admin = Roles.Admin;
    public const string Pimpinan = Roles.Pimpinan;
    public const string Agendaris = Roles.Agendaris;
    public const string Pegawai = Roles.Pegawai;
    public const string Display = Roles.Display;

    /// <summary>Any person with a staff role; excludes display screens.</summary>
    public const string Staff = "Staff";

    /// <summary>Leaders and administrators: may look at units' people.</summary>
    public const string LeaderOrAdmin = "LeaderOrAdmin";
}

/// <summary>Claim types the portal adds to the Identity cookie.</summary>
public static class PortalClaims
{
    public const string EmployeeId = "belu:employee_id";
    public const string DisplayName = "belu:display_name";
}
