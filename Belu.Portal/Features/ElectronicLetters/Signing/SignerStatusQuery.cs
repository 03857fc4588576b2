using Belu.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>What the signing panel needs to know of the caller: must they enrol first, and is their signing locked.</summary>
public sealed record SignerStatus(bool MustEnrol, bool Locked, int FailedAttempts);

public sealed class SignerStatusQuery(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, IOptions<SigningOptions> options, TimeProvider time)
{
    public async Task<SignerStatus> HandleAsync(CancellationToken ct = default)
    {
        var me = currentUser.RequireEmployeeId();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // BSrE knows its signers by NIK; only the regency CA needs a certificate enrolled here.
        var mustEnrol = options.Value.Provider == "LocalCa"
            && !await db.Set<SignerCertificate>().AnyAsync(c => c.EmployeeId == me && c.RevokedAtUtc == null && c.NotAfterUtc > now, ct);
        var row = await db.Set<SignerLock>().AsNoTracking().SingleOrDefaultAsync(l => l.EmployeeId == me, ct);
        return new SignerStatus(mustEnrol, row?.LockedAtUtc is not null, row?.FailedAttempts ?? 0);
    }
}
