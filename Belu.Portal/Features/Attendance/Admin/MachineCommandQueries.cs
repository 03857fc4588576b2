using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Devices.Commands;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Admin;

/// <summary>A command in a machine's history.</summary>
public sealed record MachineCommandRow(
    int Id, MachineCommandKind Kind, string Subject, MachineCommandState State, int? ReturnCode,
    DateTime QueuedUtc, string QueuedBy, DateTime? SentUtc, DateTime? AnsweredUtc, Guid DeviceId, string DeviceName)
{
    /// <summary>Handed out and never answered in time (Adms:CommandAnswerMinutes).</summary>
    public bool Unanswered => MachineCommandLabels.IsUnanswered(State, ReturnCode);

    /// <summary>A failed command may be queued again, as a new command.</summary>
    public bool MayQueueAgain => State == MachineCommandState.Gagal;
}

/// <summary>A machine as its admin page shows it: who it is, what it said of itself, and its watch.</summary>
public sealed record MachineView(
    Guid Id, string Name, string? Serial, MachineApproval Approval, bool IsActive, DateTime? LastSeenUtc, string? LastAddress,
    string? Firmware, int? Users, int? Fingerprints, int? Logs, DateTime? InfoUtc, int? ClockDriftSeconds, DateTime? ClockReadUtc, bool ClockDrifts)
{
    public bool TakesCommands => IsActive && Approval == MachineApproval.Disetujui;
}

/// <summary>A machine the employee can be put on, with the last user command for him there.</summary>
public sealed record EmployeeMachineRow(Guid DeviceId, string Name, string? Serial, MachineCommandRow? Last);

/// <summary>What the admin reads about machine commands. Nothing here writes.</summary>
public sealed class MachineCommandQueries(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, IOptions<AdmsOptions> options)
{
    public async Task<MachineView> MachineAsync(Guid deviceId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.AttendanceDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deviceId && d.Kind == DeviceKind.Adms, ct)
            ?? throw new NotFoundException("Mesin tidak ditemukan.");
        var s = await db.MachineStatuses.AsNoTracking().FirstOrDefaultAsync(s => s.DeviceId == deviceId, ct) ?? new MachineStatus();
        var drifts = s.ClockDriftSeconds is int seconds
            && MachineWatchRules.DriftTooLarge(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(options.Value.ClockDriftAlertSeconds));
        return new MachineView(d.Id, d.Name, d.SerialNumber, d.Approval, d.IsActive, d.LastSeenUtc, d.LastAddress,
            s.Firmware, s.Users, s.Fingerprints, s.Logs, s.InfoUtc, s.ClockDriftSeconds, s.ClockReadUtc, drifts);
    }

    /// <summary>The machine's commands, newest first.</summary>
    public async Task<IReadOnlyList<MachineCommandRow>> HistoryAsync(Guid deviceId, int take = 100, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var newest = db.MachineCommands.Where(c => c.DeviceId == deviceId).OrderByDescending(c => c.Id).Take(Math.Clamp(take, 1, 500));
        return (await Rows(db, newest).ToListAsync(ct)).OrderByDescending(r => r.Id).ToList();
    }

    /// <summary>The approved machines, each with the last put/remove command for this employee.</summary>
    public async Task<IReadOnlyList<EmployeeMachineRow>> ForEmployeeAsync(int employeeId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var machines = await db.AttendanceDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Adms && d.IsActive && d.Approval == MachineApproval.Disetujui)
            .OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, d.SerialNumber }).ToListAsync(ct);
        var commands = await Rows(db, db.MachineCommands.Where(c => c.EmployeeId == employeeId)).ToListAsync(ct);
        var last = commands.GroupBy(c => c.DeviceId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        return machines.Select(m => new EmployeeMachineRow(m.Id, m.Name, m.SerialNumber, last.GetValueOrDefault(m.Id))).ToList();
    }

    private static IQueryable<MachineCommandRow> Rows(PortalDbContext db, IQueryable<MachineCommand> commands) =>
        commands.AsNoTracking().Join(db.AttendanceDevices, c => c.DeviceId, d => d.Id, (c, d) => new MachineCommandRow(
            c.Id, c.Kind, c.Subject, c.State, c.ReturnCode, c.QueuedUtc, c.QueuedBy, c.SentUtc, c.AnsweredUtc, c.DeviceId, d.Name));
}
