using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>A kop surat as the admin page lists it: the OPD, and its kop (or the one it prints without a kop of its own).</summary>
public sealed record LetterheadRow(int UnitId, string OpdName, bool Configured, Letterhead Kop, Guid Version);

/// <summary>Reading the kop surat of the OPDs.</summary>
public sealed class LetterheadQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public const string Government = "PEMERINTAH KABUPATEN BELU";

    /// <summary>Every OPD and kecamatan with its kop, for the admin.</summary>
    public async Task<IReadOnlyList<LetterheadRow>> AllAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive && (u.Kind == Organization.UnitKind.Opd || u.Kind == Organization.UnitKind.Kecamatan))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var kops = await db.UnitLetterheads.AsNoTracking().ToDictionaryAsync(k => k.UnitId, ct);
        return [.. units.Select(u => kops.TryGetValue(u.Id, out var k)
            ? new LetterheadRow(u.Id, u.Name, true, ToRecord(k), k.Version)
            : new LetterheadRow(u.Id, u.Name, false, Fallback(u.Name), Guid.Empty))];
    }

    /// <summary>The kop an OPD prints: its own, or one made from its name with the shipped emblem.</summary>
    internal static async Task<Letterhead> ForOpdAsync(PortalDbContext db, int opdId, CancellationToken ct)
    {
        var kop = await db.UnitLetterheads.AsNoTracking().FirstOrDefaultAsync(k => k.UnitId == opdId, ct);
        if (kop is not null)
        {
            return ToRecord(kop);
        }
        var name = await db.Units.Where(u => u.Id == opdId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        return Fallback(name);
    }

    private static Letterhead ToRecord(UnitLetterhead k) => new(k.GovernmentName, k.UnitName, k.Address, k.Contacts, k.EmblemPng ?? DefaultEmblem.Png);

    private static Letterhead Fallback(string unitName) =>
        new(Government, unitName.ToUpperInvariant(), "Atambua", "", DefaultEmblem.Png);
}
