namespace Belu.Portal.Features.Audit;

/// <summary>
/// What each audit code means, in the words of the people who read the log. The codes stay what is stored and
/// what a filter or an export names; the labels are what the log page shows.
/// </summary>
public static class AuditActions
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["attendance.field.accepted"] = "Absen lapangan diterima atasan",
        ["attendance.field.rejected"] = "Absen lapangan ditolak atasan",
        ["attendance.field.photo"] = "Foto absen lapangan dibuka",
        ["attendance.field.site"] = "Lokasi absen lapangan disimpan",
        ["attendance.field.staff"] = "Petugas lapangan diubah",
        ["attendance.field.destination"] = "Tujuan dinas luar diisi",
        ["login.succeeded"] = "Berhasil masuk",
        ["login.failed"] = "Gagal masuk",
        ["login.lockedout"] = "Masuk ditolak: akun terkunci",
        ["login.delayed"] = "Masuk ditunda: terlalu banyak kata sandi salah dari alamat ini",
        ["login.inactive"] = "Masuk ditolak: akun tidak aktif",
        ["logout"] = "Keluar",
        ["account.created"] = "Akun dibuat",
        ["account.roles"] = "Peran akun diubah",
        ["account.password-reset"] = "Kata sandi diatur ulang",
        ["account.unlocked"] = "Akun dibuka kuncinya",
        ["account.activated"] = "Akun diaktifkan",
        ["account.deactivated"] = "Akun dinonaktifkan",
        ["employee.created"] = "Pegawai ditambahkan",
        ["employee.updated"] = "Data pegawai diubah",
        ["employee.imported"] = "Data pegawai diimpor",
        ["unit.created"] = "Unit kerja ditambahkan",
        ["signature.enrolled"] = "Passphrase tanda tangan elektronik diatur (sertifikat baru)",
        ["unit.updated"] = "Unit kerja diubah",
        ["unit.moved"] = "Unit kerja dipindahkan",
        ["display-token.created"] = "Token layar monitor dibuat",
        ["display-token.revoked"] = "Token layar monitor dicabut",
        ["letter.registered"] = "Surat masuk diregistrasi",
        ["letter.read"] = "Surat masuk dibuka",
        ["letter.printed"] = "Lembar disposisi dicetak",
        ["letter.receipt"] = "Tanda terima dicetak",
        ["attachment.read"] = "Lampiran surat dibuka",
        ["outgoing.registered"] = "Surat keluar dicatat",
        ["outgoing.sent"] = "Surat keluar dikirim",
        ["outgoing.read"] = "Surat keluar dibuka",
        ["instruction.created"] = "Instruksi disposisi ditambahkan",
        ["instruction.updated"] = "Instruksi disposisi diubah",
        ["disposition.created"] = "Surat didisposisikan",
        ["disposition.forwarded"] = "Disposisi diteruskan",
        ["disposition.read"] = "Disposisi dibaca",
        ["disposition.processing"] = "Disposisi ditandai diproses",
        ["disposition.finished"] = "Disposisi diselesaikan",
        ["disposition.cancelled"] = "Disposisi dibatalkan",
        ["attendance.import"] = "Log mesin absensi diimpor",
        ["attendance.recap.read"] = "Rekap absensi dibuka",
        ["attendance.day.corrected"] = "Absensi dikoreksi",
        ["attendance.request.created"] = "Permohonan izin/dinas diajukan",
        ["attendance.request.approved"] = "Permohonan disetujui",
        ["attendance.request.rejected"] = "Permohonan ditolak",
        ["attendance.request.cancelled"] = "Permohonan dibatalkan",
        ["attendance.request.document.read"] = "Dokumen permohonan dibuka",
        ["attendance.leave.considered"] = "Pertimbangan atasan atas cuti diberikan",
        ["attendance.leave.opening"] = "Saldo awal cuti diisi",
        ["attendance.leave.form-printed"] = "Formulir cuti (PDF) diunduh",
        ["attendance.leave.recap.read"] = "Rekap cuti tahunan dibuka",
        ["attendance.schedule.created"] = "Jadwal kerja ditambahkan",
        ["attendance.schedule.updated"] = "Jadwal kerja diubah",
        ["attendance.schedule.deleted"] = "Jadwal kerja dihapus",
        ["attendance.holiday.added"] = "Hari libur ditambahkan",
        ["attendance.holiday.deleted"] = "Hari libur dihapus",
        ["attendance.penalties.updated"] = "Tabel potongan TPP diubah",
        ["attendance.device.registered"] = "Perangkat absensi didaftarkan",
        ["attendance.device.key-created"] = "Kunci perangkat absensi dibuat",
        ["attendance.device.revoked"] = "Perangkat absensi dicabut",
        ["attendance.pin.added"] = "PIN mesin absensi ditambahkan",
        ["attendance.pin.deleted"] = "PIN mesin absensi dihapus",
        ["report.exported"] = "Laporan diunduh",
        ["draft.started"] = "Konsep naskah dibuat",
        ["draft.chain"] = "Rantai verifikasi konsep diubah",
        ["draft.sent"] = "Konsep naskah dikirim untuk verifikasi",
        ["draft.initialled"] = "Konsep naskah diparaf",
        ["draft.edited"] = "Konsep naskah diubah verifikator",
        ["draft.returned"] = "Konsep naskah dikembalikan",
        ["draft.cancelled"] = "Konsep naskah dibatalkan",
        ["letterhead.saved"] = "Kop surat diubah",
    };

    /// <summary>The label of a code; a code without one (added later) shows as itself rather than disappearing.</summary>
    public static string Label(string code) => Labels.GetValueOrDefault(code, code);

    /// <summary>Every code with a label.</summary>
    public static IReadOnlyCollection<string> Known => Labels.Keys;

    /// <summary>The codes whose label contains <paramref name="text"/>, so searching "dicetak" finds what was printed.</summary>
    public static IReadOnlyList<string> CodesLabelled(string text) =>
        [.. Labels.Where(l => l.Value.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(l => l.Key)];
}
