using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Notifications.Reminders;

/// <summary>
/// Claims a <see cref="Channels.ReminderMark"/>: one row per thing and office day, inserted only if absent (its unique
/// key), inside the caller's transaction with the reminder's outbox event. A second check, a restart or a second
/// instance finds the row and sends nothing; a rolled-back transaction leaves no row, so nothing is lost either.
/// </summary>
public static class ReminderMarks
{
    /// <summary>True when this call claimed the mark (the reminder may go); false when someone had it already.</summary>
    public static async Task<bool> ClaimAsync(PortalDbContext db, string key, DateOnly day, DateTime nowUtc, CancellationToken ct)
    {
        // ON CONFLICT DO NOTHING is spelled the same in SQLite and PostgreSQL: no exception, no poisoned transaction.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ReminderMarks" ("Key", "Day", "AtUtc") VALUES ({key}, {day}, {nowUtc}) ON CONFLICT ("Key", "Day") DO NOTHING""", ct);
        return inserted == 1;
    }

    /// <summary>Whether the mark exists (for a cheap skip before building a reminder).</summary>
    public static Task<bool> ExistsAsync(PortalDbContext db, string key, DateOnly day, CancellationToken ct) =>
        db.ReminderMarks.AnyAsync(m => m.Key == key && m.Day == day, ct);

    public static string Digest(int employeeId) => $"ringkasan:{employeeId}";

    public static string Disposition(Guid dispositionId, Domain.DispositionReminderKind kind, bool toDisposer) =>
        $"disposisi-{kind}:{dispositionId}:{(toDisposer ? "pendisposisi" : "penerima")}";

    public static string RequestEscalation(Guid requestId) => $"permohonan-eskalasi:{requestId}";
}
