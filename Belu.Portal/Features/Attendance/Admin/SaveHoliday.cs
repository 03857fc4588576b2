using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>An administrator adds a day to the holiday calendar or removes one; a closed day it touches is closed again. Audited.</summary>
public sealed class SaveHoliday(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AttendanceEngine engine, AuditLog audit)
{
    public async Task AddHolidayAsync(DateOnly date, string name, HolidayKind kind, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new ValidationException("Keterangan hari libur wajib diisi.", new Dictionary<string, string> { ["Name"] = "Wajib diisi." });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Holidays.AnyAsync(h => h.Date == date, ct))
        {
            throw new ValidationException($"Tanggal {date:dd/MM/yyyy} sudah ada di kalender libur.");
        }
        db.Holidays.Add(new Holiday { Date = date, Name = name.Trim(), Kind = kind });
        audit.Add(db, "attendance.holiday.added", date.ToString("yyyy-MM-dd"), name.Trim());
        await db.SaveChangesAsync(ct);
        await RecloseAsync(date, ct);
    }

    public async Task DeleteHolidayAsync(int id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException();
        db.Holidays.Remove(holiday);
        audit.Add(db, "attendance.holiday.deleted", holiday.Date.ToString("yyyy-MM-dd"), holiday.Name);
        await db.SaveChangesAsync(ct);
        await RecloseAsync(holiday.Date, ct);
    }

    /// <summary>A holiday added or removed for a day already closed rewrites that day for everyone.</summary>
    private async Task RecloseAsync(DateOnly date, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var book = await engine.LoadBookAsync(db, date, date, ct);
        if (book.LastClosedDay is DateOnly closed && date <= closed)
        {
            var staff = await AttendanceEngine.Staff(db).ToListAsync(ct);
            await engine.StoreClosedAsync(db, book, staff, date, date, ct);
            await db.SaveChangesAsync(ct);
        }
    }
}
