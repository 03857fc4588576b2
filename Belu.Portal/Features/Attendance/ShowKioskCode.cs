using Belu.Portal.Common;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Monitoring;

namespace Belu.Portal.Features.Attendance;

/// <summary>
/// The code the kiosk screen of this session shows: always this session's own screen (docs/decisions/0014), so no
/// session can fetch the code of another screen, and only display sessions (or an admin trying the kiosk) get one.
/// </summary>
public sealed class ShowKioskCode(KioskService kiosk, CurrentUser currentUser, BoardService board)
{
    public const string NotAScreenMessage = "Kode QR absensi hanya tampil di layar kiosk (akun atau token layar).";

    public async Task<KioskDisplay> CurrentAsync(string baseUri, CancellationToken ct = default)
    {
        var key = currentUser.IsAuthenticated ? KioskScreens.KeyOf(currentUser.Principal) : null;
        return key is null ? throw new ForbiddenException(NotAScreenMessage) : await kiosk.CurrentAsync(key, baseUri, ct);
    }

    /// <summary>Whose employees this screen's codes are for, as the screen says it ("Seluruh Kabupaten Belu" or OPD names).</summary>
    public async Task<string> ScopeLabelAsync(CancellationToken ct = default)
    {
        if (!currentUser.IsAuthenticated || KioskScreens.KeyOf(currentUser.Principal) is null)
        {
            throw new ForbiddenException(NotAScreenMessage);
        }
        return (await board.ScopeAsync(currentUser.Principal, ct)).Label;
    }
}
