using System.Security.Cryptography;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Admin;

public sealed record ScheduleRow(Guid Id, string Name, int? UnitId, string UnitName, DateOnly? From, DateOnly? To, WeekSchedule Week, Guid Version);

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

public sealed record DeviceRow(Guid Id, string Name, DeviceKind Kind, string? SerialNumber, string? KeyHint, int? UnitId, string UnitName, bool IsActive, DateTime CreatedUtc, DateTime? LastSeenUtc,
    MachineApproval Approval = MachineApproval.Disetujui, string? AllowedNetwork = null, string? LastAddress = null);

/// <summary>A new API device and its key, which is shown this once.</summary>
public sealed record CreatedDevice(Guid Id, string Key);

public sealed record PinRow(int Id, string Pin, int EmployeeId, string EmployeeName, string? Nip);

public sealed record DayForCorrection(StaffMember Employee, DateOnly Date, DayResult? Result, string? CorrectionReason);

/// <summary>
/// What administrators maintain for E-Absen: schedules, the holiday calendar, the penalty table, devices and PINs,
/// log imports and corrections of a day. Every change is audited.
/// </summary>
public sealed class AttendanceAdminService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AttendanceEngine engine,
    DeviceIngestService ingest,
    AuditLog audit,
    OfficeClock clock,
    ILogger<AttendanceAdminService> logger)
{
    // ---- Schedules ----

    public async Task<IReadOnlyList<ScheduleRow>> ListSchedulesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await OrganizationService.LoadTreeAsync(db, ct);
        var schedules = await db.WorkSchedules.AsNoTracking().Include(s => s.Days).ToListAsync(ct);
        return schedules
            .OrderBy(s => s.From is null ? 0 : 1).ThenByDescending(s => s.From).ThenBy(s => s.UnitId is null ? 0 : 1).ThenBy(s => s.Name)
            .Select(s => new ScheduleRow(s.Id, s.Name, s.UnitId, s.UnitId is int u && tree.Contains(u) ? tree.PathOf(u) : "Semua unit",
                s.From, s.To, s.ToEntry().Week, s.Version))
            .ToList();
    }

    public WeekSchedule DefaultWeek => engine.Options.DefaultWeek();

    public WeekSchedule RamadanWeek => engine.Options.RamadanWeek();

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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
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

    public async Task DeleteScheduleAsync(Guid id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.WorkSchedules.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Jadwal tidak ditemukan.");
        db.WorkSchedules.Remove(schedule);
        audit.Add(db, "attendance.schedule.deleted", schedule.Name);
        await db.SaveChangesAsync(ct);
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

    // ---- Holidays ----

    public async Task<IReadOnlyList<Holiday>> ListHolidaysAsync(int year, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(ct);
    }

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

    // ---- Penalty table ----

    public async Task<IReadOnlyDictionary<AttendanceCode, decimal>> GetPenaltiesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var book = await engine.LoadBookAsync(db, clock.Today, clock.Today, ct);
        return AttendanceCodes.Recap.Where(c => c != AttendanceCode.H).ToDictionary(c => c, book.Penalties.RateOf);
    }

    public async Task SavePenaltiesAsync(IReadOnlyDictionary<AttendanceCode, decimal> rates, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (rates.Any(r => r.Value is < 0 or > 100))
        {
            throw new ValidationException("Persentase potongan harus antara 0 dan 100.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.PenaltyRates.ToDictionaryAsync(r => r.Code, ct);
        foreach (var (code, percent) in rates)
        {
            if (existing.TryGetValue(code, out var row))
            {
                row.Percent = percent;
            }
            else
            {
                db.PenaltyRates.Add(new PenaltyRate { Code = code, Percent = percent });
            }
        }
        audit.Add(db, "attendance.penalties.updated", null, string.Join(", ", rates.Select(r => $"{r.Key}={r.Value}")));
        await db.SaveChangesAsync(ct);
    }

    // ---- Devices and PINs ----

    public async Task<IReadOnlyList<DeviceRow>> ListDevicesAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await OrganizationService.LoadTreeAsync(db, ct);
        var devices = await db.AttendanceDevices.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        return devices.Select(d => new DeviceRow(d.Id, d.Name, d.Kind, d.SerialNumber, d.KeyHint, d.UnitId,
            d.UnitId is int u && tree.Contains(u) ? tree.PathOf(u) : "Semua unit", d.IsActive, d.CreatedUtc, d.LastSeenUtc,
            d.Approval, d.AllowedNetwork, d.LastAddress)).ToList();
    }

    /// <summary>
    /// Registers a machine by its serial number. With a network it is approved at once for that network; without one it
    /// waits for approval until it makes contact and the admin has seen the address it comes from.
    /// </summary>
    public async Task<Guid> RegisterMachineAsync(string name, string serialNumber, int? unitId, CancellationToken ct = default, string? network = null)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var serial = (serialNumber ?? "").Trim();
        if (serial.Length is < 4 or > 64 || !serial.All(char.IsAsciiLetterOrDigit))
        {
            throw new ValidationException("Nomor seri mesin 4–64 huruf/angka (lihat menu Info Sistem pada mesin).",
                new Dictionary<string, string> { ["SerialNumber"] = "Nomor seri tidak sah." });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AttendanceDevices.AnyAsync(d => d.SerialNumber == serial, ct))
        {
            throw new ValidationException($"Mesin dengan nomor seri {serial} sudah terdaftar.");
        }
        var device = new AttendanceDevice { Name = RequireName(name), Kind = DeviceKind.Adms, SerialNumber = serial, UnitId = unitId, CreatedUtc = clock.UtcNow };
        if (!string.IsNullOrWhiteSpace(network))
        {
            device.AllowedNetwork = ApproveMachine.RequireNetwork(network);
            device.Approval = MachineApproval.Disetujui;
            device.ApprovedUtc = clock.UtcNow;
            device.ApprovedBy = currentUser.UserName;
        }
        db.AttendanceDevices.Add(device);
        audit.Add(db, "attendance.device.registered", serial, device.AllowedNetwork is null ? device.Name : $"{device.Name}; disetujui untuk jaringan {device.AllowedNetwork}");
        await db.SaveChangesAsync(ct);
        return device.Id;
    }

    /// <summary>Creates an API device; the returned key is shown once and only its SHA-256 is kept.</summary>
    public async Task<CreatedDevice> CreateApiDeviceAsync(string name, int? unitId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var key = "belu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = new AttendanceDevice
        {
            Name = RequireName(name),
            Kind = DeviceKind.Api,
            KeyHash = DeviceIngestService.HashKey(key),
            KeyHint = key[..9] + "…",
            UnitId = unitId,
            CreatedUtc = clock.UtcNow,
        };
        db.AttendanceDevices.Add(device);
        audit.Add(db, "attendance.device.key-created", device.Name, device.KeyHint);
        await db.SaveChangesAsync(ct);
        return new CreatedDevice(device.Id, key);
    }

    public async Task RevokeDeviceAsync(Guid id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var device = await db.AttendanceDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Perangkat tidak ditemukan.");
        device.IsActive = false;
        device.RevokedUtc = clock.UtcNow;
        audit.Add(db, "attendance.device.revoked", device.SerialNumber ?? device.KeyHint, device.Name);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PinRow>> ListPinsAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EmployeePins.AsNoTracking().OrderBy(p => p.Pin)
            .Join(db.Employees, p => p.EmployeeId, e => e.Id, (p, e) => new PinRow(p.Id, p.Pin, e.Id, e.Name, e.Nip))
            .ToListAsync(ct);
    }

    public async Task AddPinAsync(string pin, int employeeId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        pin = (pin ?? "").Trim();
        if (pin.Length is < 1 or > 24 || !pin.All(char.IsAsciiLetterOrDigit))
        {
            throw new ValidationException("PIN 1–24 huruf/angka.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.EmployeePins.AnyAsync(p => p.Pin == pin, ct) || await db.Employees.AnyAsync(e => e.Nip == pin && e.Id != employeeId, ct))
        {
            throw new ValidationException($"PIN {pin} sudah dipakai.");
        }
        if (!await db.Employees.AnyAsync(e => e.Id == employeeId, ct))
        {
            throw new ValidationException("Pegawai tidak ditemukan.");
        }
        db.EmployeePins.Add(new EmployeePin { Pin = pin, EmployeeId = employeeId });
        audit.Add(db, "attendance.pin.added", pin, $"pegawai #{employeeId}");
        await db.SaveChangesAsync(ct);
    }

    public async Task DeletePinAsync(int id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pin = await db.EmployeePins.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        db.EmployeePins.Remove(pin);
        audit.Add(db, "attendance.pin.deleted", pin.Pin);
        await db.SaveChangesAsync(ct);
    }

    // ---- Import ----

    /// <summary>Reads a machine log and checks every line without storing anything.</summary>
    public async Task<(PunchBatchResult Result, IReadOnlyList<PreviewLine> Lines)> PreviewImportAsync(string text, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        RequireText(text);
        return await ingest.IngestAsync(ingest.FromLines(PunchLineParser.ParseFile(text)), PunchSource.Import, null, store: false, ct);
    }

    /// <summary>Stores the good lines of a machine log; importing the same file twice changes nothing.</summary>
    public async Task<(PunchBatchResult Result, IReadOnlyList<PreviewLine> Lines)> ImportAsync(string text, string fileName, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        RequireText(text);
        var outcome = await ingest.IngestAsync(ingest.FromLines(PunchLineParser.ParseFile(text)), PunchSource.Import, null, store: true, ct);
        await audit.WriteAsync("attendance.import", FileStoreName(fileName),
            $"diterima {outcome.Result.Accepted}, duplikat {outcome.Result.Duplicated}, ditolak {outcome.Result.Rejected}");
        return outcome;
    }

    private static string FileStoreName(string name) => Common.Files.FileStore.SafeName(name);

    /// <summary>A machine log is text; an archive or a program renamed .dat would only fill the preview with noise.</summary>
    private void RequireText(string text)
    {
        if (text.Contains('\0'))
        {
            logger.LogWarning("Refused a punch log that is not text");
            throw new ValidationException("Berkas bukan berkas teks log mesin absensi (berisi data biner). Ekspor ulang log dari mesin sebagai .dat, .txt atau .csv.");
        }
    }

    // ---- Corrections ----

    public async Task<DayForCorrection> GetDayAsync(int employeeId, DateOnly date, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct) ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var grid = await engine.ReadAsync(db, [member], date, date, ct);
        var reason = await db.AttendanceDays.AsNoTracking().Where(d => d.EmployeeId == employeeId && d.Date == date).Select(d => d.CorrectionReason).FirstOrDefaultAsync(ct);
        return new DayForCorrection(member, date, grid[employeeId, date], reason);
    }

    /// <summary>Sets the code of a day (a broken machine, a forgotten punch, a surat tugas brought late), with a reason.</summary>
    public async Task CorrectDayAsync(int employeeId, DateOnly date, AttendanceCode? code, string reason, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (date > clock.Today)
        {
            throw new ValidationException("Hari yang belum tiba tidak dapat dikoreksi; ajukan permohonan DL/C/S/I.");
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            throw new ValidationException("Alasan koreksi wajib diisi (paling sedikit 5 karakter).", new Dictionary<string, string> { ["Reason"] = "Wajib diisi." });
        }
        if (code is AttendanceCode c && c is AttendanceCode.Belum or AttendanceCode.Libur)
        {
            throw new ValidationException("Kode koreksi tidak sah.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var member = await AttendanceEngine.StaffMemberAsync(db, employeeId, ct) ?? throw new NotFoundException("Pegawai tidak ditemukan.");
        var row = await db.AttendanceDays.FirstOrDefaultAsync(d => d.EmployeeId == employeeId && d.Date == date, ct);
        var before = row?.CorrectedCode?.ToString() ?? row?.Code.ToString() ?? "—";
        var book = await engine.LoadBookAsync(db, date, date, ct);
        if (row is null)
        {
            row = new AttendanceDay { EmployeeId = employeeId, Date = date, UpdatedUtc = clock.UtcNow };
            db.AttendanceDays.Add(row);
        }
        row.CorrectedCode = code;
        row.CorrectionReason = code is null ? null : reason.Trim();
        var closed = book.LastClosedDay is DateOnly last && date <= last;
        row.IsClosed = closed;
        var result = code is AttendanceCode set
            ? DayClassifier.Classify(new DayInput(date, null, DayPhase.Closed, [], Correction: set), book.Rules)
            : null;
        if (result is not null)
        {
            row.Apply(result, book.Penalties.ForDay(result));
        }
        row.UpdatedUtc = clock.UtcNow;
        audit.Add(db, "attendance.day.corrected", $"{member.Nip ?? member.Id.ToString()} {date:yyyy-MM-dd}",
            $"{before} → {code?.ToString() ?? "(dihitung ulang)"}: {reason.Trim()}");
        await db.SaveChangesAsync(ct);
        if (closed && code is null)
        {
            // Removing a correction: the day is classified again from its punches and requests.
            await engine.StoreClosedAsync(db, book, [member], date, date, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<StaffMember>> FindStaffAsync(string? text, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = (text ?? "").Trim();
        var query = AttendanceEngine.Staff(db);
        if (t.Length > 0)
        {
            query = query.Where(s => EF.Functions.Like(s.Name, LikePattern.Contains(t), LikePattern.EscapeCharacter) || (s.Nip != null && s.Nip.StartsWith(t)));
        }
        return await query.OrderBy(s => s.Name).Take(20).ToListAsync(ct);
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200
            ? throw new ValidationException("Nama perangkat wajib diisi.", new Dictionary<string, string> { ["Name"] = "Wajib diisi." })
            : name.Trim();
}
