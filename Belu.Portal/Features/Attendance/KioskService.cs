using System.Security.Cryptography;
using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Attendance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Belu.Portal.Features.Attendance;

/// <summary>What a kiosk screen shows: the code, the address a phone opens, the QR image and when it rotates.</summary>
public sealed record KioskDisplay(string Code, string Url, string QrDataUri, DateTimeOffset ExpiresAt);

/// <summary>
/// The kiosk's rotating QR codes, each bound to the screen that shows it (docs/decisions/0014). The signing key is kept
/// in the database (shared by every instance of the portal) and created on first use. A code is accepted once per
/// employee (kept in the database, so on every instance), within its step and the grace step after it. Who may show a
/// code and who may use one is decided by <see cref="ShowKioskCode"/> and <see cref="ScanKioskCode"/>.
/// </summary>
public sealed class KioskService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, IOptions<AttendanceOptions> options)
{
    private KioskCodes? _codes;

    public async Task<KioskCodes> CodesAsync(CancellationToken ct = default)
    {
        if (_codes is not null)
        {
            return _codes;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.AttendanceStates.FirstOrDefaultAsync(s => s.Key == AttendanceState.KioskKey, ct);
        if (stored is null)
        {
            stored = new AttendanceState { Key = AttendanceState.KioskKey, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            db.AttendanceStates.Add(stored);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created the key first: use theirs.
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                stored = await again.AttendanceStates.SingleAsync(s => s.Key == AttendanceState.KioskKey, ct);
            }
        }
        var o = options.Value;
        _codes = new KioskCodes(Convert.FromBase64String(stored.Value), time, TimeSpan.FromSeconds(Math.Max(5, o.KioskStepSeconds)), Math.Max(0, o.KioskGraceSteps));
        return _codes;
    }

    /// <summary>The code of the screen <paramref name="display"/> now; callers decide which screen the session is.</summary>
    public async Task<KioskDisplay> CurrentAsync(string display, string baseUri, CancellationToken ct = default)
    {
        var code = (await CodesAsync(ct)).Current(display);
        var url = baseUri.TrimEnd('/') + "/absensi/qr/" + code.Text;
        var png = PngByteQRCodeHelper.GetQRCode(url, QRCodeGenerator.ECCLevel.M, 12);
        return new KioskDisplay(code.Text, url, "data:image/png;base64," + Convert.ToBase64String(png), code.ExpiresAt);
    }

    /// <summary>The step and screen a code names, or why it cannot be used; nothing is written.</summary>
    public async Task<(long Step, string Display)> VerifyAsync(string code, CancellationToken ct = default)
    {
        var codes = await CodesAsync(ct);
        return codes.Check(code, out var step, out var display) switch
        {
            KioskCodeCheck.Valid => (step, display),
            KioskCodeCheck.Expired => throw new ValidationException("Kode QR sudah kedaluwarsa. Pindai ulang kode terbaru di layar kiosk."),
            _ => throw new ValidationException("Kode QR tidak sah. Pindai kode yang tampil di layar kiosk."),
        };
    }

    /// <summary>Marks the code of <paramref name="step"/> used by this employee, or refuses a second use.</summary>
    public async Task MarkUsedAsync(long step, int employeeId, CancellationToken ct = default)
    {
        var codes = await CodesAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Codes older than the grace window can no longer be redeemed: their rows are only clutter.
        var oldest = codes.CurrentStep - Math.Max(0, options.Value.KioskGraceSteps) - 1;
        await db.KioskRedemptions.Where(k => k.Step < oldest).ExecuteDeleteAsync(ct);
        const string used = "Kode QR ini sudah Anda gunakan. Pindai ulang kode terbaru di layar kiosk.";
        if (await db.KioskRedemptions.AnyAsync(k => k.Step == step && k.EmployeeId == employeeId, ct))
        {
            throw new ValidationException(used);
        }
        db.KioskRedemptions.Add(new KioskRedemption { Step = step, EmployeeId = employeeId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same phone sent the code twice at once: the second one lost the race.
            throw new ValidationException(used);
        }
    }
}
