using Belu.Portal.Data;
using Belu.Portal.Features.Accounts.SignInThrottling;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Accounts;

public enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
    Inactive,

    /// <summary>This source gave too many wrong passwords for the account and must wait (<see cref="SignInAttempt.Message"/> says how long).</summary>
    Delayed,
}

/// <param name="Landing">Where the account starts when it asked for no page: the board for a wall screen, Beranda for people.</param>
public sealed record SignInAttempt(SignInOutcome Outcome, string Message, string Landing = "/")
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}

/// <summary>
/// Signs people in by user name or NIP, slows down a source address that keeps failing at an account (never the
/// account itself), and records every attempt in the audit log.
/// </summary>
public sealed class SignInService(
    SignInManager<ApplicationUser> signInManager,
    IDbContextFactory<PortalDbContext> dbFactory,
    SignInThrottleService throttle,
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

    public const string LockedOutMessage = "Akun ini dikunci sementara. Hubungi administrator Diskominfo untuk membukanya.";

    /// <summary>Tells the source how long it must wait; the same words whether or not the name exists.</summary>
    public static string DelayedMessage(TimeSpan wait) =>
        $"Terlalu banyak percobaan masuk yang gagal untuk akun ini dari alamat Anda. Tunggu {Describe(wait)} lalu coba lagi, " +
        "atau hubungi administrator Diskominfo.";

    private static string Describe(TimeSpan wait) => wait <= TimeSpan.FromSeconds(59)
        ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} detik"
        : $"{(int)Math.Ceiling(wait.TotalMinutes)} menit";

    public async Task<SignInAttempt> SignInAsync(string login, string password, bool remember)
    {
        login = (login ?? "").Trim();
        var source = SignInThrottleService.SourceOf(signInManager.Context.Connection.RemoteIpAddress);
        var user = await FindAsync(login);
        var key = user is null ? SignInThrottleService.KeyOfUnknown(login) : SignInThrottleService.KeyOf(user);

        // A source that must still wait gets no password check, known name or not: the answer is the same for both.
        var wait = await throttle.WaitAsync(key, source);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Sign-in from {Source} for {Login} refused: it must wait {Wait}", source, login, wait);
            await audit.WriteAsync("login.delayed", user?.UserName ?? login, $"Dari {source}; harus menunggu {Describe(wait)}",
                userName: user?.UserName ?? login, userId: user?.Id);
            return new(SignInOutcome.Delayed, DelayedMessage(wait));
        }

        if (user is null)
        {
            // As costly as a wrong password, so the answer's time does not tell which user names exist.
            signInManager.UserManager.PasswordHasher.VerifyHashedPassword(Decoy, DecoyHash.Value, password ?? "");
            logger.LogWarning("Sign-in failed for unknown login {Login}", login);
            await audit.WriteAsync("login.failed", login, "Akun tidak dikenal", userName: login);
            return Failed(await throttle.RecordFailureAsync(key, source, holderEmployeeId: null));
        }

        // Identity's own lockout stays off: a stranger's wrong passwords must not shut the holder out (decision 0013).
        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.ForgetAsync(key, source);
            logger.LogInformation("User {UserName} signed in", user.UserName);
            await audit.WriteAsync("login.succeeded", user.UserName, null, userName: user.UserName, userId: user.Id);
            return new(SignInOutcome.Succeeded, "", await LandingOfAsync(user));
        }
        if (result.IsLockedOut)
        {
            // Only an account locked before this portal stopped locking accounts, until its time runs out or an admin unlocks it.
            logger.LogWarning("Sign-in refused for locked-out user {UserName}", user.UserName);
            await audit.WriteAsync("login.lockedout", user.UserName, null, userName: user.UserName, userId: user.Id);
            return new(SignInOutcome.LockedOut, LockedOutMessage);
        }
        if (result.IsNotAllowed && await signInManager.UserManager.CheckPasswordAsync(user, password))
        {
            // Say "inactive" only to someone who knows the password; everyone else learns nothing about the account.
            logger.LogWarning("Sign-in refused for inactive user {UserName}", user.UserName);
            await audit.WriteAsync("login.inactive", user.UserName, null, userName: user.UserName, userId: user.Id);
            return new(SignInOutcome.Inactive, InactiveMessage);
        }
        logger.LogWarning("Sign-in failed for user {UserName} from {Source}", user.UserName, source);
        await audit.WriteAsync("login.failed", user.UserName, "Kata sandi salah", userName: user.UserName, userId: user.Id);
        return Failed(await throttle.RecordFailureAsync(key, source, user.EmployeeId));
    }

    private static SignInAttempt Failed(TimeSpan wait) => wait > TimeSpan.Zero
        ? new(SignInOutcome.Delayed, DelayedMessage(wait))
        : new(SignInOutcome.WrongCredentials, WrongCredentialsMessage);

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
