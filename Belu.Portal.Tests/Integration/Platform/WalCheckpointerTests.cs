using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Belu.Portal.Tests.Integration.Platform;

/// <summary>
/// The punch writer leaves SQLite's checkpoint to the WalCheckpointer: what the writer committed is copied back into
/// the database file by a checkpoint of its own, and the writer's commits keep working around it.
/// </summary>
public class WalCheckpointerTests(WalCheckpointerTests.QuietCheckpointFactory factory) : IClassFixture<WalCheckpointerTests.QuietCheckpointFactory>
{
    /// <summary>
    /// Test portals run the background checkpoint on the real clock; here its timer runs on the fake clock, which the
    /// test never moves, so the only checkpoint is the one the test asks for and it finds the writer's frames.
    /// </summary>
    public sealed class QuietCheckpointFactory : FakeClockPortalFactory
    {
        public QuietCheckpointFactory() => WithServices(services => services.AddSingleton(sp => new WalCheckpointer(
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WalCheckpointer>>())));
    }

    [Fact]
    public async Task WhatThePunchWriterCommittedIsCheckpointedByTheBackgroundCheckpoint()
    {
        var employee = await factory.EmployeeIdOfAsync("pegawai");
        var recorder = factory.Services.GetRequiredService<PunchRecorder>();
        var checkpointer = factory.Services.GetRequiredService<WalCheckpointer>();
        var at = factory.Time.GetUtcNow().UtcDateTime.AddHours(-2);

        // A machine's lines at one-minute steps (bulk lane), then a checkpoint, then a person (interactive lane).
        var lines = Enumerable.Range(0, 60).Select(i => new PunchSubmission(employee, at.AddMinutes(i), PunchSource.Import)).ToList();
        var outcomes = await recorder.RecordAsync(lines);
        var (logFrames, checkpointed) = await checkpointer.CheckpointOnceAsync();
        var web = await recorder.RecordAsync([new PunchSubmission(employee, at.AddMinutes(90), PunchSource.Web)]);

        Assert.DoesNotContain(PunchOutcome.Parked, outcomes);
        Assert.True(logFrames > 0, "the writer's commits went to the write-ahead log");
        Assert.Equal(logFrames, checkpointed);
        Assert.Equal([PunchOutcome.Accepted], web);
    }
}
