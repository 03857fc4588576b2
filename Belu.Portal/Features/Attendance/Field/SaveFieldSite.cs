using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Field.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>The site form: a name, the unit it serves (none: all), its point and radius.</summary>
public sealed class FieldSiteInput
{
    public int? Id { get; set; }

    public string Name { get; set; } = "";

    public int? UnitId { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>"lat, lon" as a map copies it; when given, it sets <see cref="Latitude"/> and <see cref="Longitude"/>.</summary>
    public string? Coordinates { get; set; }

    public int RadiusMetres { get; set; } = 100;

    public bool IsActive { get; set; } = true;

    public Guid? Version { get; set; }
}

/// <summary>An administrator adds or changes an office site for field check-ins. Audited; two admins at once: the later is told.</summary>
public sealed class SaveFieldSite(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<int> SaveAsync(FieldSiteInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["Name"] = "Nama lokasi wajib diisi (paling banyak 200 karakter).";
        }
        if (!string.IsNullOrWhiteSpace(input.Coordinates))
        {
            (input.Latitude, input.Longitude) = GeoPoint.TryParse(input.Coordinates, out var parsed) ? (parsed.Latitude, parsed.Longitude) : ((double?)null, (double?)null);
        }
        if (input.Latitude is not double lat || input.Longitude is not double lon || !new GeoPoint(lat, lon).IsValid)
        {
            errors["Coordinates"] = "Koordinat wajib diisi sebagai \"lintang, bujur\" dengan titik desimal, mis. -9.1067, 124.8925 (salin dari peta).";
        }
        if (input.RadiusMetres is < 10 or > 50_000)
        {
            errors["RadiusMetres"] = "Radius 10 s.d. 50.000 meter.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException("Lokasi absen lapangan belum dapat disimpan.", errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.UnitId is int unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            throw new ValidationException("Unit kerja tidak ditemukan.", new Dictionary<string, string> { ["UnitId"] = "Pilih unit yang ada." });
        }
        if (await db.Set<FieldSite>().AnyAsync(s => s.Name == name && s.Id != (input.Id ?? 0), ct))
        {
            throw new ValidationException($"Lokasi bernama {name} sudah ada.", new Dictionary<string, string> { ["Name"] = "Nama sudah dipakai." });
        }
        FieldSite site;
        if (input.Id is int id)
        {
            site = await db.Set<FieldSite>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
            if (input.Version is Guid version && version != site.Version)
            {
                throw new ConcurrencyException();
            }
            site.Version = Guid.NewGuid();
        }
        else
        {
            site = new FieldSite { Name = name };
            db.Add(site);
        }
        site.Name = name;
        site.UnitId = input.UnitId;
        site.Latitude = input.Latitude!.Value;
        site.Longitude = input.Longitude!.Value;
        site.RadiusMetres = input.RadiusMetres;
        site.IsActive = input.IsActive;
        audit.Add(db, "attendance.field.site", name, $"{new GeoPoint(site.Latitude, site.Longitude)} r={site.RadiusMetres} m" + (site.IsActive ? "" : " (nonaktif)"));
        await db.SaveOrConflictAsync(ct);
        return site.Id;
    }
}
