using System.Runtime.CompilerServices;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// Tells <see cref="AttendanceEngine"/> that the reference data it keeps (units, schedules, holidays, penalty table,
/// attendance state such as the last closed day) has changed: every save that adds, changes or removes such a row bumps
/// <see cref="Version"/>, before and after it is written, so the next read loads it again.
/// </summary>
public sealed class AttendanceReferenceChanges : SaveChangesInterceptor
{
    public static readonly AttendanceReferenceChanges Instance = new();

    private static long _version;

    private static readonly ConditionalWeakTable<DbContext, object> Touched = new();

    private static readonly object Mark = new();

    public static long Version => Interlocked.Read(ref _version);

    public static void Bump() => Interlocked.Increment(ref _version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Inspect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Inspect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Inspect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is Unit or WorkSchedule or WorkScheduleDay or Holiday or PenaltyRate or AttendanceState)
            {
                Touched.AddOrUpdate(context, Mark);
                Bump();
                return;
            }
        }
    }

    private static void Done(DbContext? context)
    {
        if (context is not null && Touched.Remove(context))
        {
            Bump();
        }
    }
}
