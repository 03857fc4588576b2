using Belu.Portal.Features.Attendance.Domain;

namespace Belu.Portal.Features.Attendance.Devices.Commands;

/// <summary>The commands and their states as the admin reads them, in Bahasa Indonesia.</summary>
public static class MachineCommandLabels
{
    public static string Of(MachineCommandKind kind) => kind switch
    {
        MachineCommandKind.PutUser => "Tambah pegawai ke mesin",
        MachineCommandKind.RemoveUser => "Hapus pegawai dari mesin",
        MachineCommandKind.SetClock => "Setel jam",
        MachineCommandKind.FetchLogs => "Ambil ulang log",
        MachineCommandKind.Reboot => "Nyalakan ulang",
        MachineCommandKind.Info => "Minta info",
        _ => kind.ToString(),
    };

    /// <summary>What the history says of a command failed because its machine never answered it.</summary>
    public const string Unanswered = "tidak dijawab mesin";

    /// <summary>Failed without a return code: handed out, never answered in time (<see cref="ExpireUnansweredCommands"/>).</summary>
    public static bool IsUnanswered(MachineCommandState state, int? returnCode) => state == MachineCommandState.Gagal && returnCode is null;

    public static string Of(MachineCommandState state) => state switch
    {
        MachineCommandState.Antre => "Antre",
        MachineCommandState.Terkirim => "Terkirim",
        MachineCommandState.Selesai => "Selesai",
        MachineCommandState.Gagal => "Gagal",
        _ => state.ToString(),
    };
}
