using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Audit;

public sealed record AuditQuery(string? Text = null, string? ActionPrefix = null, DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 50);

/// <summary>Reads the audit trail, for administrators. There is deliberately no way to change or delete an entry.</summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, OfficeClock clock)
{
    public async Task<PagedResult<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.ActionPrefix))
        {
            entries = entries.Where(a => a.Action.StartsWith(query.ActionPrefix));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            // The code as stored and the label as shown both find an entry: "login.failed" and "gagal masuk" alike.
            var labelled = AuditActions.CodesLabelled(text);
            var pattern = LikePattern.Contains(text);
            entries = entries.Where(a => EF.Functions.Like(a.UserName, pattern, LikePattern.EscapeCharacter) || (a.Subject != null && EF.Functions.Like(a.Subject, pattern, LikePattern.EscapeCharacter))
                || EF.Functions.Like(a.Action, pattern, LikePattern.EscapeCharacter) || labelled.Contains(a.Action)
                || (a.Detail != null && EF.Functions.Like(a.Detail, pattern, LikePattern.EscapeCharacter)) || (a.IpAddress != null && a.IpAddress.StartsWith(text)));
        }
        if (query.From is DateOnly from)
        {
            var start = clock.DayBoundsUtc(from).StartUtc;
            entries = entries.Where(a => a.AtUtc >= start);
        }
        if (query.To is DateOnly to)
        {
            var end = clock.DayBoundsUtc(to).EndUtc;
            entries = entries.Where(a => a.AtUtc < end);
        }
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        return new(rows, total);
    }

    /// <summary>The action families present in the log, for the filter.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Label)> Families =
    [
        ("login", "Masuk / keluar"),
        ("account.", "Akun & peran"),
        ("employee.", "Data pegawai"),
        ("unit.", "Unit kerja"),
        ("display-token.", "Layar monitor"),
        ("letter", "Surat"),
        ("disposition", "Disposisi"),
        ("draft.", "Naskah dinas"),
        ("attendance", "Absensi"),
        ("report.", "Unduhan laporan"),
    ];
}
