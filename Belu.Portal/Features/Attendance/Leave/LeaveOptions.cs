using System.ComponentModel.DataAnnotations;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>
/// Cuti settings (section "Leave" of appsettings.json), checked at start-up. The defaults follow PP 11/2017 as amended by
/// PP 17/2020 (PNS) and PP 49/2018 with Peraturan BKN 7/2022 (PPPK); docs/domain/leave.md names the article of each.
/// </summary>
public sealed class LeaveOptions : IValidatableObject
{
    public const string Section = "Leave";

    /// <summary>Working days of cuti tahunan a year (PP 11/2017, cuti tahunan; Peraturan BKN 24/2017 Lampiran I romawi II huruf A angka 2; PPPK: Peraturan BKN 7/2022).</summary>
    [Range(1, 60)]
    public int AnnualDays { get; set; } = 12;

    /// <summary>Days of a year's unused right usable in a later year: 6, so 18 with the year's own (Peraturan BKN 24/2017 Lampiran I romawi II huruf A angka 8).</summary>
    [Range(0, 60)]
    public int CarryOverDays { get; set; } = 6;

    /// <summary>
    /// When no cuti tahunan was taken for two years in a row, the right of both carries (6 + 6), so 24 with the year's
    /// own (Peraturan BKN 24/2017 Lampiran I romawi II huruf A, as PP 11/2017 says it). False: only the previous year's carries.
    /// </summary>
    public bool CarryOverTwoYears { get; set; } = true;

    /// <summary>
    /// Whether the cuti bersama days of the holiday calendar are taken from the annual right. Default false: PP 11/2017
    /// Pasal 333 ayat 2 says they do not; a regency whose Keputusan Presiden of the year says otherwise sets true.
    /// </summary>
    public bool CutiBersamaReducesAnnual { get; set; }

    /// <summary>Approved C requests made before leave kinds existed count as cuti tahunan (the common case).</summary>
    public bool UnspecifiedLeaveIsAnnual { get; set; } = true;

    /// <summary>Years before this one carry nothing unless an admin set an opening balance (the portal holds no record of them).</summary>
    [Range(2000, 2100)]
    public int RecordsFromYear { get; set; } = 2025;

    /// <summary>
    /// True: the head of the OPD grants his staff's cuti (the PPK's delegation in most regencies); false: the direct
    /// superior who considers it also grants it.
    /// </summary>
    public bool HeadOfOpdGrantsForStaff { get; set; } = true;

    /// <summary>The unit whose head grants the cuti of heads of OPD: the Sekretariat Daerah, so the Sekda.</summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(40)]
    public string GrantorOfHeadsOfOpdUnitCode { get; set; } = "SETDA";

    public LeaveRuleSet Pns { get; set; } = LeaveRuleSet.PnsDefaults();

    public LeaveRuleSet Pppk { get; set; } = LeaveRuleSet.PppkDefaults();

    /// <summary>The rules of an employee: PPPK's for PPPK, contract staff and elected officials follow no PP and use PPPK's; PNS's otherwise.</summary>
    public LeaveRuleSet RulesFor(EmploymentType type) => type is EmploymentType.Pns ? Pns : Pppk;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (set, name) in new[] { (Pns, nameof(Pns)), (Pppk, nameof(Pppk)) })
        {
            foreach (var kind in Enum.GetValues<LeaveKind>())
            {
                var rule = set[kind];
                var key = $"{name}:{kind}";
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(rule, new ValidationContext(rule), results, validateAllProperties: true))
                {
                    foreach (var r in results)
                    {
                        yield return new ValidationResult(r.ErrorMessage, r.MemberNames.Select(m => $"{key}:{m}").DefaultIfEmpty(key));
                    }
                }
                if (rule.Entitled && rule.Requestable && kind != LeaveKind.Tahunan && rule.MaxWorkingDays is null && rule.MaxMonths is null)
                {
                    yield return new ValidationResult("Tentukan lama paling lama (MaxWorkingDays atau MaxMonths).", [key]);
                }
                if (rule.MaxWorkingDays is not null && rule.MaxMonths is not null)
                {
                    yield return new ValidationResult("Pilih salah satu: MaxWorkingDays atau MaxMonths.", [key]);
                }
            }
            if (set.Tahunan.AnnualEffect != AnnualEffect.Reduces)
            {
                yield return new ValidationResult("Cuti tahunan selalu mengurangi hak cuti tahunan (AnnualEffect = Reduces).", [$"{name}:{nameof(LeaveKind.Tahunan)}:{nameof(LeaveKindRule.AnnualEffect)}"]);
            }
        }
        if (CarryOverDays > AnnualDays)
        {
            yield return new ValidationResult("Sisa yang dibawa ke tahun berikutnya tidak boleh melebihi hak cuti tahunan.", [nameof(CarryOverDays)]);
        }
    }
}
