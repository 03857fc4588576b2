using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Belu.Portal.Tests.Integration.Reliability;

/// <summary>Log lines the portal writes, kept for the test to read.</summary>
[Trait("Category", "Process")]
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Error)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Lines.Enqueue((category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>A database factory that fails the daily close's next few attempts, as a full disk or a locked file would.</summary>
[Trait("Category", "Process")]
public sealed class FlakyDbContextFactory(IDbContextFactory<PortalDbContext> inner) : IDbContextFactory<PortalDbContext>
{
    private int _failures;

    public int FailuresLeft => Volatile.Read(ref _failures);

    public void FailDailyClose(int times) => Volatile.Write(ref _failures, times);

    public PortalDbContext CreateDbContext()
    {
        // Only the daily close fails: the rest of the portal keeps working while it is broken.
        if (Volatile.Read(ref _failures) > 0 && new StackTrace().ToString().Contains(nameof(DailyCloseService), StringComparison.Ordinal)
            && Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new IOException("disk I/O error (simulated)");
        }
        return inner.CreateDbContext();
    }
}

[Trait("Category", "Process")]
public sealed class FlakyPortalFactory : FakeClockPortalFactory
{
    public CapturedLogs Logs { get; } = new();

    public FlakyDbContextFactory Flaky => (FlakyDbContextFactory)Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public FlakyPortalFactory()
    {
        WithServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            var real = services.Last(d => d.ServiceType == typeof(IDbContextFactory<PortalDbContext>));
            services.Remove(real);
            services.AddSingleton(sp => new FlakyDbContextFactory((IDbContextFactory<PortalDbContext>)(real.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
            services.AddSingleton<IDbContextFactory<PortalDbContext>>(sp => sp.GetRequiredService<FlakyDbContextFactory>());
        });
    }
}

[Trait("Category", "Process")]
public class DailyCloseResilienceTests(FlakyPortalFactory factory) : IClassFixture<FlakyPortalFactory>
{
    [Fact]
    public async Task AFailingCloseIsLoggedAndRetriedAndThePortalKeepsServing()
    {
        await using var db = factory.CreateDbContext();
        var friday = FakeClock.StartDay;
        for (var attempt = 0; attempt < 200 && await AttendanceEngine.LastClosedDayAsync(db) != friday.AddDays(-1); attempt++)
        {
            await Task.Delay(25);
        }
        Assert.Equal(friday.AddDays(-1), await AttendanceEngine.LastClosedDayAsync(db));

        // Friday ends while the disk is failing: the next two runs fail, the one after closes Friday.
        factory.Flaky.FailDailyClose(2);
        factory.SetLocal(friday.AddDays(1), 7, 0);
        for (var attempt = 0; attempt < 200 && await AttendanceEngine.LastClosedDayAsync(db) != friday; attempt++)
        {
            // Each step lets one tick of the worker's timer fall due.
            await Task.Delay(25);
            factory.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(0, factory.Flaky.FailuresLeft);
        Assert.Equal(friday, await AttendanceEngine.LastClosedDayAsync(db));
        var failures = factory.Logs.Lines.Where(l => l.Level == LogLevel.Error && l.Message.Contains("Daily attendance close failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.IsType<IOException>(f.Error));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health")).StatusCode);
    }
}

/// <summary>The deadline watcher far away on its timer, so the test alone decides when scans run.</summary>
[Trait("Category", "Process")]
public sealed class QuietWatcherPortalFactory : PortalFactory
{
    public QuietWatcherPortalFactory() => WithSetting("Letters:DeadlineScanDelay", "1.00:00:00");
}

[Trait("Category", "Process")]
public class DeadlineCatchUpTests(QuietWatcherPortalFactory factory) : IClassFixture<QuietWatcherPortalFactory>
{
    [Fact]
    public async Task DeadlinesMissedWhileThePortalWasDownAreAnnouncedOnceAcrossRestarts()
    {
        var today = factory.Services.GetRequiredService<OfficeClock>().Today;
        var pegawai = await factory.EmployeeOfAsync("pegawai");
        var letterId = await factory.RegisterAsync(await factory.FormAsync("Batas waktu saat server mati"));
        var dispositionIds = await factory.DisposeAsync("pimpinan", letterId, null, [pegawai], deadline: today.AddDays(1));

        // The portal was down for days: the deadline passed with nobody watching.
        await using (var db = factory.CreateDbContext())
        {
            await db.Dispositions.Where(d => dispositionIds.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Deadline, today.AddDays(-3)));
        }

        // The first scan after start-up announces it; a second scan and a "restarted" scanner (no memory but the database) do not.
        var scanner = factory.Services.GetRequiredService<IDeadlineScanner>();
        Assert.True(await scanner.RunOnceAsync() >= 1);
        await scanner.RunOnceAsync();
        var restarted = ActivatorUtilities.CreateInstance<DeadlineScanner>(factory.Services);
        await restarted.RunOnceAsync();

        await using var check = factory.CreateDbContext();
        var id = Assert.Single(dispositionIds);
        Assert.Equal(1, await check.LetterTrack.CountAsync(t => t.DispositionId == id && t.Kind == TrackKind.DeadlinePassed));
        var pegawaiUser = await check.Users.Where(u => u.UserName == "pegawai").Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.UserId == pegawaiUser && n.Kind == nameof(DispositionDeadlinePassed) && n.Link == $"/surat/{letterId}"));
    }
}
