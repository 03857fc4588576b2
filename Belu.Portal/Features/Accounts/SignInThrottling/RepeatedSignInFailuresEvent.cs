using Belu.Portal.Features.Notifications;

namespace Belu.Portal.Features.Accounts.SignInThrottling;

/// <summary>Someone at one address keeps giving wrong passwords for an account: told to the account's holder only.</summary>
public sealed record RepeatedSignInFailuresEvent(string Source, int Failures) : PortalEvent
{
    public override string Summary =>
        $"Ada {Failures} kali percobaan masuk ke akun Anda dengan kata sandi salah dari alamat {Source}. " +
        "Alamat itu kini harus menunggu sebelum mencoba lagi. Bila itu bukan Anda, hubungi administrator Diskominfo.";

    // Who is being attacked, and from where, is the holder's business, not a wall screen's.
    public override bool ShowOnBoard => false;
}
