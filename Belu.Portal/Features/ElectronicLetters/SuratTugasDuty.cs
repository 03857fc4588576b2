using Belu.Portal.Data;
using Belu.Portal.Features.Attendance;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// The attendance a signed Surat Tugas orders: approved DL days for the staff it assigns over its dates, linked to the
/// letter, recorded inside the signature's transaction through the same road an approved DL request takes
/// (<see cref="LetterDutyDays"/>). Other kinds, and a Surat Tugas without dates or staff, order nothing.
/// </summary>
public sealed class SuratTugasDuty(AttendanceEngine engine)
{
    internal async Task<int> RecordAsync(PortalDbContext db, SignedLetter signed, DraftContent content, int postId, DraftSigner signer, CancellationToken ct)
    {
        if (signed.Kind != ElectronicLetterKind.SuratTugas || content.TaskFrom is not DateOnly from || content.TaskTo is not DateOnly to)
        {
            return 0;
        }
        var staff = content.AssignedStaff.Where(s => s.EmployeeId is not null).Select(s => s.EmployeeId!.Value).ToList();
        return await LetterDutyDays.RecordAsync(db, engine, new DutyAssignment(signed.Id, signed.Number, staff, from, to,
            content.TaskPlace, content.TaskPurpose, postId, signer.Person.Id, signer.Acting?.Capacity, signed.SignedAtUtc), ct);
    }
}
