using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Accounts;

public sealed record AccountRow(
    string Id, string UserName, string DisplayName, int? EmployeeId, string? Nip, string? UnitName,
    IReadOnlyList<string> Roles, bool IsActive, bool EmployeeActive, DateTimeOffset? LockedUntil);

public sealed class AccountInput
{
    public int? EmployeeId { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// Administers logins: create for an employee (or a display screen), set roles, reset password, unlock,
/// switch on and off. Administrators only, every change audited. Identity's managers come from a fresh
/// scope per operation so a long-lived circuit never holds a stale context.
/// </summary>
public sealed class AccountService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    TimeProvider time,
    Sessions.LiveSessions sessions,
    SignInThrottling.SignInThrottleService throttle)
{
    public async Task<PagedResult<AccountRow>> SearchAsync(string? text, int skip, int take, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            users = users.Where(u => EF.Functions.Like(u.UserName!, LikePattern.Contains(t), LikePattern.EscapeCharacter) || EF.Functions.Like(u.DisplayName, LikePattern.Contains(t), LikePattern.EscapeCharacter)
                || (u.Employee != null && u.Employee.Nip != null && u.Employee.Nip.StartsWith(t)));
        }
        var total = await users.CountAsync(ct);
        var page = await users.OrderBy(u => u.UserName).Skip(skip).Take(Math.Clamp(take, 1, 200))
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.EmployeeId,
                Nip = u.Employee != null ? u.Employee.Nip : null,
                UnitName = u.Employee != null ? u.Employee.Unit!.Name : null,
                EmployeeActive = u.Employee == null || u.Employee.IsActive,
                u.IsActive, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            }).ToListAsync(ct);
        var now = time.GetUtcNow();
        // "Locked" on this page: some address must wait before it may try the account again (or an old Identity lockout).
        var waiting = await throttle.WaitingAsync(page.Select(u => u.Id).ToList(), ct);
        return new(page.Select(u => new AccountRow(u.Id, u.UserName!, u.DisplayName, u.EmployeeId, u.Nip, u.UnitName,
            u.Roles.Order().ToList(), u.IsActive, u.EmployeeActive, LockedUntil(u.LockoutEnd > now ? u.LockoutEnd : null, waiting.GetValueOrDefault(u.Id))))
            .ToList(), total);
    }

    private static DateTimeOffset? LockedUntil(DateTimeOffset? lockoutEnd, DateTime throttledUntilUtc)
    {
        DateTimeOffset? throttled = throttledUntilUtc == default ? null : new DateTimeOffset(throttledUntilUtc, TimeSpan.Zero);
        return lockoutEnd is null ? throttled : throttled is null || lockoutEnd > throttled ? lockoutEnd : throttled;
    }

    public async Task<string> CreateAsync(AccountInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var roles = CheckRoles(input.Roles);
        var userName = (input.UserName ?? "").Trim();
        if (userName.Length < 3 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ValidationException("Nama pengguna minimal 3 karakter: huruf, angka, titik, garis bawah atau tanda hubung.");
        }

        string displayName;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (input.EmployeeId is int employeeId)
            {
                var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == employeeId, ct)
                    ?? throw new ValidationException("Pegawai tidak ditemukan.");
                if (await db.Users.AnyAsync(u => u.EmployeeId == employeeId, ct))
                {
                    throw new ValidationException($"{employee.Name} sudah memiliki akun.");
                }
                if (roles.Contains(Roles.Display))
                {
                    throw new ValidationException("Peran Layar monitor hanya untuk akun layar, bukan untuk pegawai.");
                }
                displayName = employee.Name;
            }
            else
            {
                if (roles.Any(r => r != Roles.Display))
                {
                    throw new ValidationException("Akun tanpa pegawai hanya boleh berperan Layar monitor.");
                }
                displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? userName : input.DisplayName.Trim();
            }
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new ValidationException($"Nama pengguna {userName} sudah dipakai.");
        }
        var user = new ApplicationUser { UserName = userName, EmployeeId = input.EmployeeId, DisplayName = displayName, LockoutEnabled = true, EmailConfirmed = true };
        Check(await users.CreateAsync(user, input.Password ?? ""));
        Check(await users.AddToRolesAsync(user, roles));
        await audit.WriteAsync("account.created", userName, $"{displayName}; peran: {string.Join(", ", roles)}");
        return user.Id;
    }

    public async Task SetRolesAsync(string userId, IEnumerable<string> roles, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var wanted = CheckRoles(roles);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Akun tidak ditemukan.");
        if (user.EmployeeId is null && wanted.Any(r => r != Roles.Display))
        {
            throw new ValidationException("Akun tanpa pegawai hanya boleh berperan Layar monitor.");
        }
        if (user.EmployeeId is not null && wanted.Contains(Roles.Display))
        {
            throw new ValidationException("Peran Layar monitor hanya untuk akun layar, bukan untuk pegawai.");
        }
        if (user.Id == currentUser.UserId && !wanted.Contains(Roles.Admin))
        {
            throw new ValidationException("Anda tidak dapat mencabut peran Admin dari akun Anda sendiri.");
        }
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        // Roles live in the cookie: end the user's sessions so the new roles take effect.
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.EndAsync(Sessions.LiveSessions.AccountKey(user.Id));
        await audit.WriteAsync("account.roles", user.UserName, string.Join(", ", wanted));
    }

    public async Task ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Akun tidak ditemukan.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword ?? ""));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.ForgetAccountAsync(user.Id, ct);
        // The reset renewed the stamp; whoever held the old password is out at once.
        await sessions.EndAsync(Sessions.LiveSessions.AccountKey(user.Id));
        await audit.WriteAsync("account.password-reset", user.UserName);
    }

    public async Task UnlockAsync(string userId, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Akun tidak ditemukan.");
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await throttle.ForgetAccountAsync(user.Id, ct);
        await audit.WriteAsync("account.unlocked", user.UserName);
    }

    public async Task SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (userId == currentUser.UserId && !active)
        {
            throw new ValidationException("Anda tidak dapat menonaktifkan akun Anda sendiri.");
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Akun tidak ditemukan.");
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        if (!active)
        {
            Check(await users.UpdateSecurityStampAsync(user));
            await sessions.EndAsync(Sessions.LiveSessions.AccountKey(user.Id));
        }
        await audit.WriteAsync(active ? "account.activated" : "account.deactivated", user.UserName);
    }

    private static List<string> CheckRoles(IEnumerable<string>? roles)
    {
        var list = (roles ?? []).Distinct().ToList();
        if (list.Count == 0)
        {
            throw new ValidationException("Pilih minimal satu peran.");
        }
        var unknown = list.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null)
        {
            throw new ValidationException($"Peran {unknown} tidak dikenal.");
        }
        return list;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
