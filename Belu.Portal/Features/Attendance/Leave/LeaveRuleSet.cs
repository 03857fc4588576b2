using Belu.Portal.Features.Attendance.Leave.Domain;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>The rule of every kind of cuti for one kind of employee (PNS or PPPK). Articles: docs/domain/leave.md.</summary>
public sealed class LeaveRuleSet
{
    public LeaveKindRule Tahunan { get; set; } = new();

    public LeaveKindRule Besar { get; set; } = new();

    public LeaveKindRule Sakit { get; set; } = new();

    public LeaveKindRule Melahirkan { get; set; } = new();

    public LeaveKindRule AlasanPenting { get; set; } = new();

    public LeaveKindRule Bersama { get; set; } = new();

    public LeaveKindRule Cltn { get; set; } = new();

    public LeaveKindRule this[LeaveKind kind] => kind switch
    {
        LeaveKind.Tahunan => Tahunan,
        LeaveKind.Besar => Besar,
        LeaveKind.Sakit => Sakit,
        LeaveKind.Melahirkan => Melahirkan,
        LeaveKind.AlasanPenting => AlasanPenting,
        LeaveKind.Bersama => Bersama,
        LeaveKind.Cltn => Cltn,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The kinds an employee may ask for through the portal.</summary>
    public IEnumerable<LeaveKind> Requestable => Enum.GetValues<LeaveKind>().Where(k => this[k] is { Entitled: true, Requestable: true });

    /// <summary>PP 11/2017 as amended by PP 17/2020 (the kinds: Pasal 310) with Peraturan BKN 24/2017 Lampiran I; docs/domain/leave.md.</summary>
    public static LeaveRuleSet PnsDefaults() => new()
    {
        Tahunan = new() { MinServiceMonths = 12, AnnualEffect = AnnualEffect.Reduces },
        Besar = new() { MinServiceMonths = 60, MaxMonths = 3, AnnualEffect = AnnualEffect.ForfeitsYear },
        Sakit = new() { MaxMonths = 12, DocumentAfterWorkingDays = 1, Document = "surat keterangan dokter (lebih dari 14 hari: dokter pemerintah)" },
        Melahirkan = new() { MaxMonths = 3, DocumentAfterWorkingDays = 0, Document = "surat keterangan dokter atau bidan" },
        AlasanPenting = new() { MaxMonths = 1, DocumentAfterWorkingDays = 0, Document = "surat keterangan (rumah sakit, kematian, perkawinan, atau bencana)" },
        Bersama = new() { Requestable = false },
        Cltn = new() { MinServiceMonths = 60, MaxMonths = 36, DocumentAfterWorkingDays = 0, Document = "surat permohonan dengan alasan pribadi yang penting dan mendesak", GrantedByPpkOnly = true },
    };

    /// <summary>PP 49/2018 with Peraturan BKN 7/2022 (which implements its Pasal 93): four kinds only, no cuti besar, alasan penting or CLTN.</summary>
    public static LeaveRuleSet PppkDefaults() => new()
    {
        Tahunan = new() { MinServiceMonths = 12, AnnualEffect = AnnualEffect.Reduces },
        Besar = new() { Entitled = false },
        Sakit = new() { MaxMonths = 1, DocumentAfterWorkingDays = 1, Document = "surat keterangan dokter (lebih dari 14 hari: dokter pemerintah)" },
        Melahirkan = new() { MaxMonths = 3, DocumentAfterWorkingDays = 0, Document = "surat keterangan dokter atau bidan" },
        AlasanPenting = new() { Entitled = false },
        Bersama = new() { Requestable = false },
        Cltn = new() { Entitled = false },
    };
}
