using System.Runtime.CompilerServices;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Belu.Portal.Data;

/// <summary>
/// Tells a kept copy of rarely changing rows that they have changed: every save that adds, changes or removes such a
/// row bumps <see cref="Version"/>, before and after it is written, so the next read loads them again. Other instances'
/// edits are not seen here; the keepers also reload after a few seconds.
/// </summary>
public sealed class ReferenceChanges : SaveChangesInterceptor
{
    /// <summary>What <see cref="AttendanceEngine"/> keeps: schedules, holidays, penalty table, the last closed day.</summary>
    public static readonly ReferenceChanges Attendance =
        new(e => e is WorkSchedule or WorkScheduleDay or Holiday or PenaltyRate or AttendanceState);

    /// <summary>What E-Surat's directory keeps: units, employees, accounts and their roles.</summary>
    public static readonly ReferenceChanges Organization =
        new(e => e is Unit or Employee or ApplicationUser or IdentityUserRole<string>);

    private readonly Func<object, bool> _concerns;

    private readonly ConditionalWeakTable<DbContext, object> _touched = new();

    private static readonly object Mark = new();

    private long _version;

    /// <summary>
    /// A watch of this instance alone (the static ones are shared by every host in the process), registered on the
    /// instance's DbContext options, as <see cref="OrganizationTreeCache"/> does.
    /// </summary>
    public ReferenceChanges(Func<object, bool> concerns) => _concerns = concerns;

    public long Version => Interlocked.Read(ref _version);

    public void Bump() => Interlocked.Increment(ref _version);

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

    private void Inspect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && _concerns(entry.Entity))
            {
                _touched.AddOrUpdate(context, Mark);
                Bump();
                return;
            }
        }
    }

    private void Done(DbContext? context)
    {
        if (context is not null && _touched.Remove(context))
        {
            Bump();
        }
    }
}
