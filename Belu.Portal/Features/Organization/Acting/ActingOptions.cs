using System.ComponentModel.DataAnnotations;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.ElectronicLetters;

namespace Belu.Portal.Features.Organization.Acting;

/// <summary>
/// The limits of an acting official's authority (section "Acting" of appsettings.json; docs/domain/acting.md): UU 30/2014
/// Pasal 14 keeps decisions that change status, organisation or staffing for the definitive official.
/// </summary>
public sealed class ActingOptions : IValidatableObject
{
    public const string Section = "Acting";

    /// <summary>Request kinds an acting official may decide (routine): DL, sakit and izin; cuti stays with the definitive official.</summary>
    public string[] RoutineRequestKinds { get; set; } = ["DL", "S", "I"];

    /// <summary>Letter kinds only the definitive official signs; none by default.</summary>
    public string[] ReservedLetterKinds { get; set; } = [];

    public bool MayDecide(RequestKind kind) => RoutineRequestKinds.Any(k => string.Equals(k, kind.ToString(), StringComparison.OrdinalIgnoreCase));

    public bool MaySign(ElectronicLetterKind kind) => !ReservedLetterKinds.Any(k => string.Equals(k, kind.ToString(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var k in RoutineRequestKinds.Where(k => !Enum.TryParse<RequestKind>(k, true, out _)))
        {
            yield return new ValidationResult($"Jenis permohonan '{k}' tidak dikenal (pilih dari DL, C, S, I).", [nameof(RoutineRequestKinds)]);
        }
        foreach (var k in ReservedLetterKinds.Where(k => !Enum.TryParse<ElectronicLetterKind>(k, true, out _)))
        {
            yield return new ValidationResult(
                $"Jenis naskah '{k}' tidak dikenal (pilih dari {string.Join(", ", Enum.GetNames<ElectronicLetterKind>())}).", [nameof(ReservedLetterKinds)]);
        }
    }
}
