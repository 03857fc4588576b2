using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>
/// The machine's side of the commands: hands queued commands out on <c>/iclock/getrequest</c>, records the answers
/// posted to <c>/iclock/devicecmd</c>, and keeps what the machine says of itself (counts, firmware, clock). Only
/// called for a machine <see cref="MachineGate"/> accepted: a revoked or unapproved machine is never handed a command.
/// </summary>
public sealed class MachineCommandDesk(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, IOptions<AdmsOptions> options)
{
    /// <summary>The answer to a poll: <c>C:id:command</c> lines for the queued commands, oldest first, or <c>OK</c>.</summary>
    public async Task<string> HandOutAsync(AttendanceDevice device, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queued = await db.MachineCommands.AsNoTracking()
            .Where(c => c.DeviceId == device.Id && c.State == MachineCommandState.Antre)
            .OrderBy(c => c.Id).Take(options.Value.CommandsPerPoll).ToListAsync(ct);
        var lines = new List<string>();
        foreach (var command in queued)
        {
            var now = clock.UtcNow;
            // The clock is read when the command leaves, not when it was queued: a machine that was off for an hour
            // must not be set an hour back.
            var text = command.Kind == MachineCommandKind.SetClock ? AdmsCommandText.SetClock(clock.ToLocal(now)) : command.Text;
            // Two polls at once (a retry after a lost answer) hand a command out once: the state moves only from Antre.
            var claimed = await db.MachineCommands
                .Where(c => c.Id == command.Id && c.State == MachineCommandState.Antre)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, MachineCommandState.Terkirim).SetProperty(c => c.SentUtc, now).SetProperty(c => c.Text, text), ct);
            if (claimed == 1)
            {
                lines.Add(AdmsCommandText.Line(command.Id, text));
            }
        }
        return lines.Count == 0 ? "OK" : string.Join("\n", lines) + "\n";
    }

    /// <summary>Records each answer of a <c>/iclock/devicecmd</c> body: <c>Return</c> 0 or more is done, a negative one failed.</summary>
    /// <returns>How many answers matched a command of this machine that was waiting for one.</returns>
    public async Task<int> RecordRepliesAsync(AttendanceDevice device, string body, CancellationToken ct = default)
    {
        var replies = AdmsCommandText.ParseReplies(body);
        if (replies.Count == 0)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = replies.Select(r => r.Id).ToList();
        var commands = await db.MachineCommands
            .Where(c => c.DeviceId == device.Id && ids.Contains(c.Id) && (c.State == MachineCommandState.Terkirim || c.State == MachineCommandState.Antre
                // Failed as unanswered (ExpireUnansweredCommands), then answered after all: the answer is what the machine did.
                || (c.State == MachineCommandState.Gagal && c.ReturnCode == null)))
            .ToDictionaryAsync(c => c.Id, ct);
        var now = clock.UtcNow;
        var recorded = 0;
        foreach (var reply in replies)
        {
            // A repeated answer, or one for another machine's command, changes nothing.
            if (!commands.Remove(reply.Id, out var command))
            {
                continue;
            }
            command.ReturnCode = reply.Return;
            command.State = reply.Return >= 0 ? MachineCommandState.Selesai : MachineCommandState.Gagal;
            command.AnsweredUtc = now;
            command.SentUtc ??= now;
            recorded++;
            if (command.Kind == MachineCommandKind.Info && reply.Return >= 0)
            {
                Apply(await StatusAsync(db, device.Id, ct), AdmsCommandText.InfoFrom(reply.Values), now);
            }
        }
        await db.SaveChangesAsync(ct);
        return recorded;
    }

    /// <summary>The counts a 2.x machine adds to its polls (<c>INFO=</c>): written only when they change.</summary>
    public async Task NotePollInfoAsync(AttendanceDevice device, string? info, CancellationToken ct = default)
    {
        if (AdmsCommandText.InfoFromPoll(info) is not { } reported)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await StatusAsync(db, device.Id, ct);
        if (status.Firmware == reported.Firmware && status.Users == reported.Users && status.Fingerprints == reported.Fingerprints && status.Logs == reported.Logs)
        {
            return;
        }
        Apply(status, reported, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// What an ATTLOG upload says of the machine's clock (<see cref="MachineWatchRules.DriftFromUpload"/>), kept for
    /// the machine page and its alert. Written when the reading moves by 5 seconds or more, or is an hour old.
    /// </summary>
    public async Task NoteClockAsync(AttendanceDevice device, IReadOnlyList<RawPunch> lines, CancellationToken ct = default)
    {
        var stamps = lines.Where(l => l.AtUtc is not null).Select(l => l.AtUtc!.Value).ToList();
        var now = clock.UtcNow;
        if (stamps.Count == 0 || MachineWatchRules.DriftFromUpload(stamps.Max(), stamps.Count, now) is not { } drift)
        {
            return;
        }
        var seconds = (int)Math.Round(drift.TotalSeconds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await StatusAsync(db, device.Id, ct);
        if (status.ClockDriftSeconds is int last && Math.Abs(last - seconds) < 5 && status.ClockReadUtc > now.AddHours(-1))
        {
            return;
        }
        status.ClockDriftSeconds = seconds;
        status.ClockReadUtc = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The machine's status row, tracked by <paramref name="db"/>; made first (on a context of its own) when it has none.</summary>
    internal static async Task<MachineStatus> StatusAsync(IDbContextFactory<PortalDbContext> dbFactory, PortalDbContext db, Guid deviceId, CancellationToken ct)
    {
        var status = await db.MachineStatuses.FirstOrDefaultAsync(s => s.DeviceId == deviceId, ct);
        if (status is not null)
        {
            return status;
        }
        await using (var other = await dbFactory.CreateDbContextAsync(ct))
        {
            other.MachineStatuses.Add(new MachineStatus { DeviceId = deviceId });
            try
            {
                await other.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request of the same machine made it first.
            }
        }
        return await db.MachineStatuses.FirstAsync(s => s.DeviceId == deviceId, ct);
    }

    private Task<MachineStatus> StatusAsync(PortalDbContext db, Guid deviceId, CancellationToken ct) => StatusAsync(dbFactory, db, deviceId, ct);

    private static void Apply(MachineStatus status, AdmsMachineInfo info, DateTime now)
    {
        status.Firmware = info.Firmware ?? status.Firmware;
        status.Users = info.Users ?? status.Users;
        status.Fingerprints = info.Fingerprints ?? status.Fingerprints;
        status.Logs = info.Logs ?? status.Logs;
        status.InfoUtc = now;
    }
}
