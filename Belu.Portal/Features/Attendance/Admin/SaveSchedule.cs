using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>The schedule form: name, unit (none = everyone), optional date range, hours per weekday.</summary>
public sealed class ScheduleInput
{
    public string Name { get; set; } = "";

    public int? UnitId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public TimeOnly CheckInFrom { get; set; } = new(6, 0);

    public TimeOnly CheckInUntil { get; set; } = new(12, 0);

    public TimeOnly CheckOutUntil { get; set; } = new(18, 0);

    /// <summary>Hours per weekday; a null start means a day off.</summary>
    public Dictionary<DayOfWeek, (TimeOnly? Start, TimeOnly? End)> Days { get; set; } = [];

    public static ScheduleInput FromWeek(string name, WeekSchedule week, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Name = name,
        From = from,
        To = to,
        CheckInFrom = week.CheckInFrom,
        CheckInUntil = week.CheckInUntil,
        CheckOutUntil = week.CheckOutUntil,
        Days = Enum.GetValues<DayOfWeek>().ToDictionary(d => d,
            d => week.Days.TryGetValue(d, out var h) ? ((TimeOnly?)h.Start, (TimeOnly?)h.End) : ((TimeOnly?)null, (TimeOnly?)null)),
    };
}

/// <summary>An administrator creates or changes a work schedule (a unit's, or everyone's; standing or for a date range). Audited.</summary>
public sealed class SaveSchedule(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Guid> SaveScheduleAsync(Guid? id, ScheduleInput input, Guid? version, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var errors = ValidateSchedule(input);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.UnitId is int unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            throw new ValidationException("Unit tidak ditemukan.");
        }
        WorkSchedule schedule;
        if (id is Guid existing)
        {
            schedule = await db.WorkSchedules.Include(s => s.Days).FirstOrDefaultAsync(s => s.Id == existing, ct) ?? throw new NotFoundException("Jadwal tidak ditemukan.");
            if (schedule.Version != version)
            {
                throw new ConcurrencyException();
            }
            db.RemoveRange(schedule.Days);
            schedule.Days = [];
            schedule.Version = Guid.NewGuid();
        }
        else
        {
            schedule = new WorkSchedule { Name = "" };
            db.WorkSchedules.Add(schedule);
        }
        schedule.Name = input.Name.Trim();
        schedule.UnitId = input.UnitId;
        schedule.From = input.From;
        schedule.To = input.To;
        schedule.CheckInFrom = input.CheckInFrom;
        schedule.CheckInUntil = input.CheckInUntil;
        schedule.CheckOutUntil = input.CheckOutUntil;
        foreach (var (day, (start, end)) in input.Days.Where(d => d.Value.Start is not null && d.Value.End is not null))
        {
            schedule.Days.Add(new WorkScheduleDay { DayOfWeek = day, Start = start!.Value, End = end!.Value });
        }
        audit.Add(db, id is null ? "attendance.schedule.created" : "attendance.schedule.updated", schedule.Name,
            $"unit {input.UnitId?.ToString() ?? "semua"}, {input.From:yyyy-MM-dd}..{input.To:yyyy-MM-dd}");
        await db.SaveOrConflictAsync(ct);
        return schedule.Id;
    }

    public static Dictionary<string, string> ValidateSchedule(ScheduleInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = "Nama jadwal wajib diisi (paling banyak 200 karakter).";
        }
        if ((input.From is null) != (input.To is null))
        {
            errors[nameof(input.From)] = "Jadwal khusus memerlukan tanggal mulai dan tanggal selesai.";
        }
        else if (input.From is DateOnly f && input.To is DateOnly t && t < f)
        {
            errors[nameof(input.To)] = "Tanggal selesai tidak boleh sebelum tanggal mulai.";
        }
        if (!(input.CheckInFrom < input.CheckInUntil && input.CheckInUntil < input.CheckOutUntil))
        {
            errors[nameof(input.CheckInFrom)] = "Jendela absen harus berurutan: mulai absen masuk < batas absen masuk < batas absen pulang.";
        }
        foreach (var (day, (start, end)) in input.Days)
        {
            if ((start is null) != (end is null) || (start is TimeOnly s && end is TimeOnly e && e <= s))
            {
                errors["Days"] = $"Jam kerja hari {DayName(day)} tidak lengkap atau jam pulang tidak setelah jam masuk.";
            }
            else if (start is TimeOnly s2 && (s2 < input.CheckInFrom || end > input.CheckOutUntil))
            {
                errors["Days"] = $"Jam kerja hari {DayName(day)} harus berada di dalam jendela absen.";
            }
        }
        if (!input.Days.Values.Any(d => d.Start is not null))
        {
            errors["Days"] = "Paling sedikit satu hari kerja.";
        }
        return errors;
    }

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Senin",
        DayOfWeek.Tuesday => "Selasa",
        DayOfWeek.Wednesday => "Rabu",
        DayOfWeek.Thursday => "Kamis",
        DayOfWeek.Friday => "Jumat",
        DayOfWeek.Saturday => "Sabtu",
        _ => "Minggu",
    };
}
