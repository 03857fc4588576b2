using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Attendance.Devices;

/// <summary>A punch refused, with the reason (Bahasa Indonesia), and the time it carried when it could be read.</summary>
public sealed record PunchRejection(int Index, string? Pin, string Reason, DateTime? AtUtc = null, int? EmployeeId = null);

/// <summary>What a batch did: accepted, duplicated, rejected with reasons; parked: machine lines for closed days, waiting for review.</summary>
public sealed record PunchBatchResult(int Accepted, int Duplicated, int Rejected, IReadOnlyList<PunchRejection> Errors)
{
    public int Parked { get; init; }
}

/// <summary>One item of a batch before it is checked: the machine's PIN and the instant (or the local time).</summary>
public sealed record RawPunch(int Index, string? Pin, DateTime? AtUtc, string? ParseError);

/// <summary>
/// Everything machines send: resolves PINs (the PIN table first, then the NIP), applies the device's site scope and
/// the age/future limits, and stores what is left through <see cref="PunchRecorder"/>. Bad items are reported; the
/// good ones of the same batch are stored. A machine's line (ADMS, device API) has a shorter age limit than an admin's
/// import and never rewrites a closed day: the writer parks it for review.
/// </summary>
public sealed class DeviceIngestService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PunchRecorder recorder,
    AttendanceEngine engine,
    OfficeClock clock,
    OrganizationTreeCache trees)
{
    public const int MaxBatch = 5000;

    /// <summary>Punches handed to the single writer at a time, so that web check-ins do not queue behind one transaction
    /// of a machine's 2 MB upload; the machine is answered after the last chunk (docs/PERFORMANCE.md).</summary>
    public const int RecordChunk = 25;

    /// <summary>After each chunk of a large batch, the upload rests as long as the chunk took to write: the writer and
    /// the 2 cores are then free for the people checking in, half of the time, while a machine's 2 MB upload runs
    /// (docs/PERFORMANCE.md). The machine waits a little longer for its answer; nothing it is told is stored is lost.</summary>
    public const double RestPerWrite = 1.0;

    /// <summary>How an API device's key is stored (<see cref="ApiDevices.FindByKeyAsync"/> looks it up).</summary>
    public static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // The reads of every batch as compiled queries: a bridge sends many requests a second, and EF's building and
    // looking up of each LINQ query cost more than the query itself.
    private sealed record PinHolder(string Pin, int Id, string Name, int UnitId, bool IsActive);

    private static readonly PerModel<Func<PortalDbContext, List<string>, IAsyncEnumerable<PinHolder>>> ByMappedPin = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<string> pins) => db.EmployeePins.AsNoTracking()
            .Where(p => pins.Contains(p.Pin))
            .Join(db.Employees, p => p.EmployeeId, e => e.Id, (p, e) => new PinHolder(p.Pin, e.Id, e.Name, e.UnitId, e.IsActive))));

    private static readonly PerModel<Func<PortalDbContext, List<string>, IAsyncEnumerable<PinHolder>>> ByNip = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, List<string> pins) => db.Employees.AsNoTracking()
            .Where(e => e.Nip != null && pins.Contains(e.Nip))
            .Select(e => new PinHolder(e.Nip!, e.Id, e.Name, e.UnitId, e.IsActive))));

    /// <summary>Lines of a machine's ATTLOG or a log file, in the office's local time.</summary>
    public IReadOnlyList<RawPunch> FromLines(PunchLineParse parse)
    {
        var items = parse.Lines.Select(l => new RawPunch(l.LineNumber, l.Pin, l.WithOffset?.UtcDateTime ?? clock.ToUtc(l.Local), null))
            .Concat(parse.Errors.Select(e => new RawPunch(e.LineNumber, null, null, e.Reason)))
            .OrderBy(i => i.Index)
            .ToList();
        return items;
    }

    /// <summary>Checks every item and stores the good ones. With <paramref name="store"/> false it only previews.</summary>
    public async Task<(PunchBatchResult Result, IReadOnlyList<PreviewLine> Lines)> IngestAsync(
        IReadOnlyList<RawPunch> items, PunchSource source, AttendanceDevice? device, bool store = true, CancellationToken ct = default, string? address = null)
    {
        var fromMachine = source is PunchSource.Adms or PunchSource.DeviceApi;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var pins = items.Where(i => i.Pin is not null).Select(i => i.Pin!.Trim()).Distinct().ToList();
        // A PIN registered for a machine wins over an NIP typed as the PIN.
        var mapped = (await ByMappedPin.For(db)(db, pins).ToListAsync(ct)).ToDictionary(p => p.Pin);
        var byNip = (await ByNip.For(db)(db, pins).ToListAsync(ct)).ToDictionary(p => p.Pin);
        HashSet<int>? site = null;
        if (device?.UnitId is int siteUnit)
        {
            site = (await trees.GetAsync(db, ct)).SubtreeOf(siteUnit);
        }

        var nowUtc = clock.UtcNow;
        var maxAge = TimeSpan.FromDays(Math.Max(1, fromMachine ? engine.Options.MachineMaxAgeDays : engine.Options.MaxPunchAgeDays));
        var skew = TimeSpan.FromMinutes(Math.Max(0, engine.Options.MaxFutureSkewMinutes));
        var rejections = new List<PunchRejection>();
        var preview = new List<PreviewLine>();
        var submissions = new List<(PunchSubmission Submission, int PreviewIndex)>();
        foreach (var item in items)
        {
            string? reason = item.ParseError;
            string? name = null;
            int? employeeId = null;
            if (reason is null)
            {
                var pin = item.Pin!.Trim();
                var person = mapped.GetValueOrDefault(pin) ?? byNip.GetValueOrDefault(pin);
                employeeId = person?.Id;
                if (person is null)
                {
                    reason = $"PIN/NIP {pin} tidak dikenal.";
                }
                else if (!person.IsActive)
                {
                    reason = $"Pegawai dengan PIN/NIP {pin} tidak aktif.";
                }
                else if (site is not null && !site.Contains(person.UnitId))
                {
                    reason = $"Pegawai dengan PIN/NIP {pin} di luar unit kerja perangkat ini.";
                }
                else
                {
                    name = person.Name;
                    reason = PunchRules.Reject(item.AtUtc!.Value, nowUtc, maxAge, skew);
                }
            }
            var local = item.AtUtc is DateTime at ? clock.ToLocal(at) : (DateTime?)null;
            preview.Add(new PreviewLine(item.Index, item.Pin, name, local, reason is null ? PreviewStatus.Siap : PreviewStatus.Ditolak, reason));
            if (reason is not null)
            {
                rejections.Add(new PunchRejection(item.Index, item.Pin, reason, item.AtUtc, employeeId));
                continue;
            }
            submissions.Add((new PunchSubmission(employeeId!.Value, item.AtUtc!.Value, source, device?.Id, item.Pin, address, ReviewIfClosed: fromMachine),
                preview.Count - 1));
        }

        // Not held while the punches wait for the single writer: a pooled PostgreSQL connection is scarce under load.
        await db.Database.CloseConnectionAsync();
        int accepted = 0, duplicated = 0, parked = 0;
        if (store)
        {
            var outcomes = new List<PunchOutcome>(submissions.Count);
            var chunks = submissions.Chunk(RecordChunk).ToList();
            for (var c = 0; c < chunks.Count; c++)
            {
                var started = Stopwatch.GetTimestamp();
                outcomes.AddRange(await recorder.RecordAsync(chunks[c].Select(s => s.Submission).ToList(), ct));
                if (c < chunks.Count - 1)
                {
                    // A pause, not a time of day: it runs on real time even under a test's fake office clock.
                    await Task.Delay(Stopwatch.GetElapsedTime(started) * RestPerWrite, ct);
                }
            }
            for (var i = 0; i < outcomes.Count; i++)
            {
                var at = submissions[i].PreviewIndex;
                if (outcomes[i] == PunchOutcome.Accepted)
                {
                    accepted++;
                    preview[at] = preview[at] with { Status = PreviewStatus.Disimpan };
                }
                else if (outcomes[i] == PunchOutcome.Parked)
                {
                    parked++;
                    preview[at] = preview[at] with { Status = PreviewStatus.Menunggu, Reason = "Hari sudah ditutup; menunggu persetujuan admin." };
                }
                else
                {
                    duplicated++;
                    preview[at] = preview[at] with { Status = PreviewStatus.Duplikat, Reason = "Sudah tercatat (duplikat)." };
                }
            }
        }
        else
        {
            accepted = submissions.Count;
        }
        return (new PunchBatchResult(accepted, duplicated, rejections.Count, rejections) { Parked = parked }, preview);
    }
}

public enum PreviewStatus
{
    Siap = 0,
    Disimpan = 1,
    Duplikat = 2,
    Ditolak = 3,
    Menunggu = 4,
}

/// <summary>One line of an import, as the preview shows it.</summary>
public sealed record PreviewLine(int Line, string? Pin, string? EmployeeName, DateTime? Local, PreviewStatus Status, string? Reason);
