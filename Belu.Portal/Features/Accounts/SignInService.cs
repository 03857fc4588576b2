using Belu.Portal.Data;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Accounts;

public enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
    Inactive,
}

/// <param name="Landing">Where the account starts when it asked for no page: the board for a wall screen, Beranda for people.</param>
public sealed record SignInAttempt(SignInOutcome Outcome, string Message, string Landing = "/")
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}

/// <summary>Signs people in by user name or NIP, with lockout, and records every attempt in the audit log.</summary>
public sealed class SignInService(
    SignInManager<ApplicationUser> signInManager,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<IdentityOptions> identityOptions,
    AuditLog audit,
    Sessions.LiveSessions sessions,
    TimeProvider time,
    ILogger<SignInService> logger)
{
    public const string WrongCredentialsMessage = "NIP/nama pengguna atau kata sandi salah.";
    public const string InactiveMessage = "Akun Anda tidak aktif. Hubungi administrator Diskominfo.";

    private static readonly ApplicationUser Decoy = new() { UserName = "decoy" };

    // A hash made by the same hasher (same iteration count), checked when the user name is unknown.
    private readonly Lazy<string> DecoyHash = new(() => signInManager.UserManager.PasswordHasher.HashPassword(Decoy, Guid.NewGuid().ToString()));

    public async Task<SignInAttempt> SignInAsync(string login, string password, bool remember)
    {
        login = (login ?? "").Trim();
        var user = await FindAsync(login);
        if (user is null)
        {
            // As costly as a wrong password, so the answer's time does not tell which user names exist.
            signInManager.UserManager.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash.Value, password ?? "");
            logger.LogWarning("Sign-in failed for unknown login {Login}", login);
            await audit.WriteAsync("login.failed", login, "Akun tidak dikenal", userName: login);
            return new(SignInOutcome.WrongCredentials, WrongCredentialsMessage);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", user.UserName);
            await audit.WriteAsync("login.succeeded", user.UserName, null, userName: user.UserName, userId: user.Id);
            return new(SignInOutcome.Succeeded, "", await LandingOfAsync(user));
        }
        if (result.IsLockedOut)
        {
            var minutes = (int)identityOptions.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
            logger.LogWarning("Sign-in refused for locked-out user {UserName}", user.UserName);
            await audit.WriteAsync("login.lockedout", user.UserName, null, userName: user.UserName, userId: user.Id);
            return new(SignInOutcome.LockedOut,
                $"Akun terkunci sementara karena {identityOptions.Value.Lockout.MaxFailedAccessAttempts} kali salah kata sandi. " +
                $"Coba lagi dalam {minutes} menit atau hubungi administrator.");
        }
        if (result.IsNotAllowed)
        {
            // Say "inactive" only to someone who knows the password; everyone else learns nothing about the account.
            if (await signInManager.UserManager.CheckPasswordAsync(user, password))
            {
                logger.LogWarning("Sign-in refused for inactive user {UserName}", user.UserName);
                await audit.WriteAsync("login.inactive", user.UserName, null, userName: user.UserName, userId: user.Id);
                return new(SignInOutcome.Inactive, InactiveMessage);
            }
            await signInManager.UserManager.AccessFailedAsync(user);
        }
        logger.LogWarning("Sign-in failed for user {UserName}", user.UserName);
        await audit.WriteAsync("login.failed", user.UserName, "Kata sandi salah", userName: user.UserName, userId: user.Id);
        return new(SignInOutcome.WrongCredentials, WrongCredentialsMessage);
    }

    /// <summary>A display account has one thing to show, the board; everyone else starts on Beranda.</summary>
    private async Task<string> LandingOfAsync(ApplicationUser user)
    {
        var roles = await signInManager.UserManager.GetRolesAsync(user);
        return roles.Contains(Roles.Display) && !roles.Contains(Roles.Admin) ? "/monitor" : "/";
    }

    /// <summary>Ends this sign-in on the server (its cookie is refused from now on, its open pages close), then drops the cookie.</summary>
    public async Task SignOutAsync()
    {
        var sessionId = signInManager.Context.User.FindFirst(Sessions.SessionClaims.SessionId)?.Value;
        if (Guid.TryParse(sessionId, out var id))
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.AccountSessions.Where(s => s.Id == id && s.EndedAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAtUtc, now));
            }
            await sessions.EndAsync(Sessions.LiveSessions.SessionKey(sessionId!));
        }
        await signInManager.SignOutAsync();
    }

    /// <summary>A user name, or the NIP of the account's employee.</summary>
    private async Task<ApplicationUser?> FindAsync(string login)
    {
        if (login.Length == 0)
        {
            return null;
        }
        var user = await signInManager.UserManager.FindByNameAsync(login);
        if (user is not null)
        {
            return user;
        }
        var nip = Nip.Normalize(login);
        if (nip is null || nip.Length != 18 || !nip.All(char.IsAsciiDigit))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var userId = await db.Users
            .Where(u => u.Employee != null && u.Employee.Nip == nip)
            .Select(u => u.Id)
            .FirstOrDefaultAsync();
        return userId is null ? null : await signInManager.UserManager.FindByIdAsync(userId);
    }
}
