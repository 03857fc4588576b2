using System.Net;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Tests.Integration.Security;

/// <summary>The expectation table of who may open every endpoint, kept apart from the checks that read it.</summary>
public partial class AuthorizationMatrixTests
{
    /// <summary>How an endpoint is guarded: open to anybody (with the reason), signed-in people, or a named policy.</summary>
    private sealed record Gate(string? Policy, bool Public = false, string Why = "")
    {
        public static Gate Open(string why) => new(null, true, why);

        public static readonly Gate SignedIn = new(Policy: null);

        public static Gate For(string policy) => new(policy);
    }

    private const string Login = "/akun/masuk";

    /// <summary>The expectation table: "METHODS pattern" → gate. Framework files (static assets) are recognised separately.</summary>
    private static readonly Dictionary<string, Gate> Table = new(StringComparer.Ordinal)
    {
        // Foundation
        ["GET,POST /"] = Gate.SignedIn,
        ["GET,POST /tidak-ditemukan"] = Gate.Open("the not-found page"),
        ["GET,POST /status/{Code:int}"] = Gate.Open("status pages explain refusals to anybody"),
        ["* /health"] = Gate.Open("load balancer probe, no data"),
        // No authorization metadata: its own gate lets in a signed-in Admin or Metrics:AllowedNetworks and answers
        // everyone else 404 (Integration/Metrics/MetricsTests).
        ["* /metrics"] = Gate.Open("Prometheus scrape, guarded by role or network in MapMetrics"),
        ["GET,POST /akun/masuk"] = Gate.Open("the login form"),
        ["POST /akun/keluar"] = Gate.SignedIn,
        ["GET,POST /admin/akun"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/audit"] = Gate.For(Policies.Admin),
        // Organisation
        ["GET,POST /organisasi/unit"] = Gate.For(Policies.Admin),
        ["GET,POST /organisasi/pegawai"] = Gate.For(Policies.LeaderOrAdmin),
        // Admins appoint for any post; a leader sees his own post's appointments and appoints its Plh.
        ["GET,POST /admin/plh-plt"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /plh-plt"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /organisasi/pegawai/impor"] = Gate.For(Policies.Admin),
        ["GET /organisasi/pegawai/impor/templat.csv"] = Gate.For(Policies.Admin),
        // Reports
        ["GET /laporan/daftar-pegawai.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/agenda-surat-masuk.xlsx"] = Gate.For(Policies.Staff),
        ["GET /laporan/agenda-surat-keluar.xlsx"] = Gate.For(Policies.Staff),
        ["GET /laporan/rekap-disposisi.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/rekap-absensi.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/terlambat-harian.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/pantauan-disiplin.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET /laporan/rekap-cuti.xlsx"] = Gate.For(Policies.LeaderOrAdmin),
        // Notifications and the board
        ["GET,POST /notifikasi"] = Gate.For(Policies.Staff),
        ["GET,POST /pengaturan/notifikasi"] = Gate.SignedIn,
        ["GET,POST /admin/log-pengiriman"] = Gate.For(Policies.Admin),
        ["* /hubs/notifications/negotiate"] = Gate.SignedIn,
        ["* /hubs/notifications"] = Gate.SignedIn,
        ["GET,POST /monitor"] = Gate.Open("a wall screen without a token sees a dark board, never data (BoardService.MayWatch)"),
        ["GET /monitor/masuk/{token}"] = Gate.Open("shows the display sign-in form; changes nothing (DisplaySignInTests)"),
        ["POST /monitor/masuk"] = Gate.Open("redeems a display token with the antiforgery token; a person is asked first"),
        ["GET,POST /admin/layar"] = Gate.For(Policies.Admin),
        // E-Surat
        ["GET,POST /surat/masuk"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/masuk/baru"] = Gate.For(Policies.Agendaris),
        ["GET,POST /surat/keluar"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/keluar/baru"] = Gate.For(Policies.Agendaris),
        ["GET,POST /naskah"] = Gate.For(Policies.Staff),
        ["GET,POST /naskah/baru"] = Gate.For(Policies.Staff),
        ["GET,POST /naskah/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /naskah/{Id:guid}/ubah"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/kop-surat"] = Gate.For(Policies.Admin),
        ["GET /naskah/{id:guid}/pdf"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/kunci-tanda-tangan"] = Gate.For(Policies.Admin),
        ["GET,POST /verifikasi/{Code}"] = Gate.Open("public check of a signed letter's QR code: facts and hash only, no secret subject; rate-limited per address"),
        ["GET,POST /surat/keluar/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/dasbor"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/disposisi-saya"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/{Id:guid}/lembar-disposisi"] = Gate.For(Policies.Staff),
        ["GET,POST /surat/{Id:guid}/tanda-terima"] = Gate.For(Policies.Staff),
        ["GET /surat/lampiran/{id:guid}"] = Gate.For(Policies.Staff),
        ["GET /surat/srikandi/{register}/{id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/instruksi-disposisi"] = Gate.For(Policies.Admin),
        // E-Absen
        ["GET,POST /absensi"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/hari-ini"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /absensi/rekap"] = Gate.For(Policies.LeaderOrAdmin),
        ["GET,POST /absensi/disiplin"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/permohonan"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/permohonan/{Id:guid}"] = Gate.For(Policies.Staff),
        ["GET /absensi/permohonan/{id:guid}/dokumen"] = Gate.For(Policies.Staff),
        ["GET /absensi/permohonan/{id:guid}/formulir-cuti.pdf"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/lapangan"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/lapangan/tinjau"] = Gate.For(Policies.Staff),
        ["GET /absensi/lapangan/foto/{id:guid}"] = Gate.For(Policies.Staff),
        ["GET,POST /admin/absensi/lapangan"] = Gate.For(Policies.Admin),
        ["GET,POST /absensi/permohonan/{Id:guid}/formulir-cuti"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/qr/{Code}"] = Gate.For(Policies.Staff),
        ["GET,POST /absensi/kiosk"] = Gate.For(AttendancePolicies.Kiosk),
        ["GET,POST /admin/absensi/impor"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/jadwal"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/libur"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/koreksi"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/perangkat"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/perangkat/{Id:guid}"] = Gate.For(Policies.Admin),
        ["GET,POST /admin/absensi/koreksi-mesin"] = Gate.For(Policies.Admin),
        ["POST /api/absensi/hadir"] = Gate.For(Policies.Staff),
        ["POST /api/absensi/qr"] = Gate.For(Policies.Staff),
        ["POST /api/absensi/punches"] = Gate.Open("attendance bridges authenticate with X-Device-Key (hashed per device)"),
        ["GET /iclock/cdata"] = Gate.Open("ZKTeco ADMS: an approved serial number from its network (MachineGate)"),
        ["POST /iclock/cdata"] = Gate.Open("ZKTeco ADMS upload, approved machines from their network only"),
        ["GET /iclock/ping"] = Gate.Open("ZKTeco push heartbeat, MachineGate"),
        ["GET,POST /iclock/registry"] = Gate.Open("ZKTeco push 3.x registration, MachineGate"),
        ["GET,POST /iclock/push"] = Gate.Open("ZKTeco push 3.x configuration, MachineGate"),
        ["GET /iclock/ping.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET,POST /iclock/registry.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET,POST /iclock/push.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET /iclock/getrequest"] = Gate.Open("ZKTeco ADMS command poll"),
        ["POST /iclock/devicecmd"] = Gate.Open("ZKTeco ADMS command reply"),
        ["GET /iclock/cdata.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["POST /iclock/cdata.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["GET /iclock/getrequest.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        ["POST /iclock/devicecmd.aspx"] = Gate.Open("ZKTeco ADMS (older firmware)"),
        // Blazor's own plumbing: the circuit carries the user's cookie; pages inside check their own attributes.
        ["* /_blazor"] = Gate.Open("Blazor circuit hub"),
        ["* /_blazor/negotiate"] = Gate.Open("Blazor circuit hub"),
        ["* /_blazor/disconnect/"] = Gate.Open("Blazor circuit hub"),
        ["* /_blazor/initializers/"] = Gate.Open("Blazor JS initializers list"),
        ["GET /_framework/opaque-redirect"] = Gate.Open("Blazor enhanced-navigation redirect helper"),
        ["GET,HEAD /{**path:file}"] = Gate.Open("static file fallback of MapStaticAssets; serves wwwroot only"),
    };
}
