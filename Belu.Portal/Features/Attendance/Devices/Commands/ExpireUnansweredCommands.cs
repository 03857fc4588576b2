using Belu.Portal.Common;
using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>
/// A command handed out that its machine never answered does not stay "Terkirim" for ever: after
/// <see cref="AdmsOptions.CommandAnswerMinutes"/> on the office clock it is <see cref="MachineCommandState.Gagal"/>
/// without a return code, which the history reads as "tidak dijawab mesin" (docs/domain/adms.md). An answer that comes
/// later still records what the machine did (<see cref="MachineCommandDesk.RecordRepliesAsync"/>).
/// </summary>
public sealed class ExpireUnansweredCommands(IDbContextFactory<PortalDbContext> dbFactory, OfficeClock clock, IOptions<AdmsOptions> options,
    ILogger<ExpireUnansweredCommands> logger)
{
    /// <returns>How many commands were failed.</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var cutoff = clock.UtcNow.AddMinutes(-options.Value.CommandAnswerMinutes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One conditional update: an answer recorded meanwhile has moved the command out of Terkirim and is left alone.
        var failed = await db.MachineCommands
            .Where(c => c.State == MachineCommandState.Terkirim && c.SentUtc != null && c.SentUtc < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, MachineCommandState.Gagal), ct);
        if (failed > 0)
        {
            logger.LogWarning("{Count} machine commands were not answered within {Minutes} minutes and are failed", failed, options.Value.CommandAnswerMinutes);
        }
        return failed;
    }
}
