using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Monitoring;

public sealed record DisplayTokenRow(Guid Id, string Name, IReadOnlyList<string> OpdNames, DateTime CreatedAtUtc, string CreatedBy, DateTime? RevokedAtUtc, DateTime? LastSeenAtUtc, string? LastSeenIp);

/// <summary>Display tokens: Admins create (the secret is shown once) and revoke them; screens sign in with them.</summary>
public sealed class DisplayTokenService(
    IDbContextFactory<PortalDbContext> dbFactory,
    OrganizationTreeCache trees,
    CurrentUser currentUser,
    AuditLog audit,
    TimeProvider time,
    Accounts.Sessions.LiveSessions sessions)
{
    public async Task<IReadOnlyList<DisplayTokenRow>> ListAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var tokens = await db.DisplayTokens.AsNoTracking().OrderByDescending(t => t.CreatedAtUtc).ToListAsync(ct);
        return tokens.Select(t => new DisplayTokenRow(t.Id, t.Name,
            DisplayClaims.Parse(t.OpdIds) is { IsRegency: false } s ? s.OpdIds!.Where(tree.Contains).Select(id => tree[id].Name).ToList() : ["Seluruh kabupaten"],
            t.CreatedAtUtc, t.CreatedBy, t.RevokedAtUtc, t.LastSeenAtUtc, t.LastSeenIp)).ToList();
    }

    /// <summary>Creates a token and returns its secret; only its hash is stored, so it cannot be shown again.</summary>
    public async Task<string> CreateAsync(string name, IReadOnlyCollection<int> opdIds, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        name = (name ?? "").Trim();
        if (name.Length is < 3 or > 120)
        {
            throw new ValidationException("Nama layar wajib diisi (3–120 karakter), mis. \"Layar Lobi Diskominfo\".");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await trees.GetAsync(db, ct);
        var unknown = opdIds.FirstOrDefault(id => !tree.Contains(id) || !tree[id].Kind.IsTopLevel());
        if (unknown != 0)
        {
            throw new ValidationException("Cakupan layar hanya boleh berisi OPD atau kecamatan.");
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var token = new DisplayToken
        {
            Name = name,
            TokenHash = Hash(secret),
            OpdIds = opdIds.Count == 0 ? null : string.Join(',', opdIds.Order().Select(i => i.ToString(CultureInfo.InvariantCulture))),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = currentUser.UserName,
        };
        db.DisplayTokens.Add(token);
        audit.Add(db, "display-token.created", name, opdIds.Count == 0 ? "Seluruh kabupaten" : string.Join(", ", opdIds.Select(id => tree[id].Code)));
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.DisplayTokens.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Token layar tidak ditemukan.");
        if (token.RevokedAtUtc is null)
        {
            token.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
            audit.Add(db, "display-token.revoked", token.Name);
            await db.SaveChangesAsync(ct);
        }
        // The screen's board and hub connections close now, not at the next periodic check.
        await sessions.EndAsync(Accounts.Sessions.LiveSessions.DisplayKey(id));
    }

    /// <summary>The active token with this secret, or null. Records when and from where the screen was last seen.</summary>
    public async Task<DisplayToken?> RedeemAsync(string secret, string? ipAddress, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hash = Hash(secret);
        var token = await db.DisplayTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, ct);
        if (token is not null)
        {
            token.LastSeenAtUtc = time.GetUtcNow().UtcDateTime;
            token.LastSeenIp = ipAddress;
            await db.SaveChangesAsync(ct);
        }
        return token;
    }

    /// <summary>Is the token behind a signed-in screen still valid?</summary>
    public async Task<bool> IsActiveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DisplayTokens.AnyAsync(t => t.Id == id && t.RevokedAtUtc == null, ct);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
