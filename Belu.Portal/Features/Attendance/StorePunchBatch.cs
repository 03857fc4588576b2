using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Devices;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Stores one batch of punches for the <see cref="PunchRecorder"/>'s writer, on the writer's open context: drops
/// duplicates, parks a machine's lines for closed days, stages the late check-ins' notices with the punches (one save),
/// rewrites days already closed, then announces: the late notices, and a cue to the boards of every OPD whose today
/// changed. The caller retries the batch on a concurrent insert.
/// </summary>
public sealed class StorePunchBatch(
    AttendanceEngine engine,
    OfficeClock clock,
    IPortalNotifier notifier,
    PresenceCues presence,
    ILogger<StorePunchBatch> logger)
{
    public async Task<IReadOnlyList<PunchOutcome>> StoreAsync(PortalDbContext db, IReadOnlyList<PunchSubmission> submissions, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(Math.Max(1, engine.Options.DuplicateWindowSeconds));
        var outcomes = new PunchOutcome[submissions.Count];
        var nowUtc = clock.UtcNow;
        var today = clock.Today;

        var ordered = submissions.Select((s, i) => (Submission: s with { AtUtc = PunchRules.TruncateToSecond(s.AtUtc) }, Index: i))
            .OrderBy(x => x.Submission.EmployeeId).ThenBy(x => x.Submission.AtUtc).ToList();
        var stored = await StoredPunches.NearAsync(db, clock, ordered.Select(x => x.Submission).ToList(), window, ct);
        var touched = new HashSet<(int EmployeeId, DateOnly Date)>();
        // Today's punches per person: those stored before this batch, and those the batch adds.
        var todays = new Dictionary<(int, DateOnly), (List<DateTime> Before, List<DateTime> Added)>();
        var (todayStart, todayEnd) = clock.DayBoundsUtc(today);
        var parking = await ClosedDayParking.LoadAsync(db, ordered.Select(x => x.Submission).ToList(), clock, today, ct);

        foreach (var group in ordered.GroupBy(x => x.Submission.EmployeeId))
        {
            var kept = stored.TryGetValue(group.Key, out var near) ? near : [];
            foreach (var (submission, index) in group)
            {
                if (PunchRules.IsDuplicate(kept, submission.AtUtc, window))
                {
                    outcomes[index] = PunchOutcome.Duplicate;
                    continue;
                }
                var date = PunchRules.LocalDate(submission.AtUtc, clock.TimeZone);
                if (parking.Applies(submission, date))
                {
                    outcomes[index] = parking.Park(db, submission, date, nowUtc) ? PunchOutcome.Parked : PunchOutcome.Duplicate;
                    continue;
                }
                if (date == today && !Field.FieldPunches.Withholds(submission.Field))
                {
                    if (!todays.TryGetValue((group.Key, date), out var day))
                    {
                        day = (kept.Where(p => p >= todayStart && p < todayEnd).ToList(), []);
                        todays[(group.Key, date)] = day;
                    }
                    day.Added.Add(submission.AtUtc);
                }
                kept.Add(submission.AtUtc);
                touched.Add((group.Key, date));
                outcomes[index] = PunchOutcome.Accepted;
                var punch = db.Punches.Add(new Punch
                {
                    EmployeeId = submission.EmployeeId,
                    AtUtc = submission.AtUtc,
                    Source = submission.Source,
                    DeviceId = submission.DeviceId,
                    Pin = submission.Pin,
                    IpAddress = submission.IpAddress,
                    RecordedUtc = nowUtc,
                }).Entity;
                Field.FieldPunches.Attach(db, punch, submission.Field);
            }
        }
        if (touched.Count == 0)
        {
            if (parking.Added > 0)
            {
                await db.SaveChangesAsync(ct);
            }
            return outcomes;
        }

        // The late check-ins are worked out before the save and stored with the punches (the outbox): a punch is never
        // committed without the notice its leaders are owed, even if the process dies before it is sent.
        var ids = touched.Select(t => t.EmployeeId).Distinct().ToList();
        var byId = (await AttendanceEngine.StaffMembersAsync(db, ids, ct)).ToDictionary(s => s.Id);
        var from = touched.Min(t => t.Date);
        var book = await engine.LoadBookAsync(db, from < today ? from : today, today, ct);
        var late = await LateCheckIns.FindAsync(db, clock, byId, book, todays, ct);
        foreach (var notice in late)
        {
            Outbox.Stage(db, notice);
        }
        await db.SaveChangesAsync(ct);

        // A punch for a day the close has already passed rewrites that day (machine lines never get here: they are parked).
        if (book.LastClosedDay is DateOnly closed && touched.Any(t => t.Date <= closed))
        {
            foreach (var (employeeId, date) in touched.Where(t => t.Date <= closed && byId.ContainsKey(t.EmployeeId)))
            {
                await engine.StoreClosedAsync(db, book, [byId[employeeId]], date, date, ct);
            }
            await db.SaveChangesAsync(ct);
        }

        foreach (var notice in late)
        {
            try
            {
                await notifier.PublishAsync(notice, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The punches are stored and the notice waits in the outbox; the dispatcher sends it later. Failing
                // here would make the writer store these punches again and answer "duplicate".
                logger.LogWarning(ex, "Late check-in notice {EventId} not sent now; the outbox will send it", notice.Id);
            }
        }
        // On-time check-ins move the boards' numbers too.
        await presence.AnnounceAsync(todays.Keys.Where(k => byId.ContainsKey(k.Item1))
            .Select(k => book.Tree.Contains(byId[k.Item1].UnitId) ? book.Tree.OpdOf(byId[k.Item1].UnitId)?.Id : null)
            .OfType<int>(), today, nowUtc, ct);
        return outcomes;
    }
}
