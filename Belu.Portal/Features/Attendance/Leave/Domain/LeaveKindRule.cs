using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Attendance.Leave.Domain;

/// <summary>
/// One kind of cuti for one kind of employee: whether he is entitled, after how long a service, for how long, with
/// which document, and what it does to the annual right. Defaults and their articles: docs/domain/leave.md.
/// </summary>
public sealed class LeaveKindRule
{
    /// <summary>False: this kind of employee cannot request it (e.g. cuti besar for PPPK).</summary>
    public bool Entitled { get; set; } = true;

    /// <summary>Months of continuous service before the kind can be taken (12 for cuti tahunan, 60 for cuti besar).</summary>
    [Range(0, 600)]
    public int MinServiceMonths { get; set; }

    /// <summary>Longest request in working days; null when the length is in months or set by the balance.</summary>
    [Range(1, 366)]
    public int? MaxWorkingDays { get; set; }

    /// <summary>Longest request in calendar months (cuti besar 3, cuti melahirkan 3); null when not in months.</summary>
    [Range(1, 60)]
    public int? MaxMonths { get; set; }

    /// <summary>
    /// A document is required once the request is longer than this many working days: 0 = always, 1 = from the second
    /// day (a doctor's letter for cuti sakit), null = never required.
    /// </summary>
    [Range(0, 366)]
    public int? DocumentAfterWorkingDays { get; set; }

    /// <summary>What the document is, as the form asks for it ("surat keterangan dokter").</summary>
    [StringLength(120)]
    public string Document { get; set; } = "dokumen pendukung";

    public AnnualEffect AnnualEffect { get; set; }

    /// <summary>Only the PPK (or the official he delegated it to by name) grants it: CLTN. Shown on the form.</summary>
    public bool GrantedByPpkOnly { get; set; }

    /// <summary>Asked for through the portal; cuti bersama is set by Keputusan Presiden and kept in the holiday calendar.</summary>
    public bool Requestable { get; set; } = true;

    public bool NeedsDocument(int workingDays) => DocumentAfterWorkingDays is int after && workingDays > after;
}
