using Belu.Portal.Data;
using Belu.Portal.Features.ElectronicLetters.Domain;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>What a save returns to the editor: the version to send next time and when it was kept.</summary>
public sealed record DraftSaved(Guid Version, int VersionNumber, DateTime SavedAtUtc, bool Changed);

/// <summary>Writing new content into a draft, shared by the conceptor's save and a verifier's edit.</summary>
internal static class DraftWrites
{
    /// <summary>
    /// Checks and normalises <paramref name="content"/>, and keeps it as a new version when it differs from the current
    /// one. Internal parties get their names, jabatan, NIP and pangkat from the organisation, not from the form.
    /// </summary>
    public static async Task<bool> ApplyAsync(PortalDbContext db, ElectronicDraft draft, DraftContent content, int authorId, DateTime now, CancellationToken ct)
    {
        var errors = DraftChecks.ForSave(content);
        if (errors.Count > 0)
        {
            throw new ValidationException("Periksa kembali isian konsep.", errors);
        }
        var normal = await NormaliseAsync(db, content, ct);
        var json = normal.ToJson();
        if (json == draft.ContentJson)
        {
            return false;
        }
        draft.ContentJson = json;
        draft.Subject = normal.Subject.Trim();
        draft.Security = normal.Security;
        draft.VersionNumber++;
        db.DraftVersions.Add(new DraftVersion { DraftId = draft.Id, Number = draft.VersionNumber, AuthorId = authorId, AtUtc = now, ContentJson = json });
        DraftScope.Touch(draft, now);
        return true;
    }

    private static async Task<DraftContent> NormaliseAsync(PortalDbContext db, DraftContent content, CancellationToken ct)
    {
        var c = content.Copy();
        var parties = c.Addressees.Concat(c.Copies).Concat(c.AssignedStaff).ToList();
        var employeeIds = parties.Where(p => p.EmployeeId is not null).Select(p => p.EmployeeId!.Value).Distinct().ToList();
        var unitIds = parties.Where(p => p.EmployeeId is null && p.UnitId is not null).Select(p => p.UnitId!.Value).Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id) && e.IsActive)
            .Select(e => new { e.Id, e.Name, e.Position, e.Nip, e.Rank, e.UnitId }).ToDictionaryAsync(e => e.Id, ct);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, ct);
        foreach (var p in parties)
        {
            if (p.EmployeeId is int e)
            {
                var person = people.GetValueOrDefault(e) ?? throw new ValidationException("Pegawai yang dipilih tidak ditemukan atau tidak aktif.");
                (p.Name, p.Position, p.Nip, p.Rank, p.UnitId, p.Address) = (person.Name, person.Position, person.Nip, person.Rank, person.UnitId, null);
            }
            else if (p.UnitId is int u)
            {
                var unit = units.GetValueOrDefault(u) ?? throw new ValidationException("Unit yang dipilih tidak ditemukan atau tidak aktif.");
                (p.Name, p.Position, p.Nip, p.Rank, p.Address) = (unit.Name, null, null, null, null);
            }
            else
            {
                (p.Name, p.Address, p.Position, p.Nip, p.Rank) = (p.Name.Trim(), string.IsNullOrWhiteSpace(p.Address) ? null : p.Address.Trim(), null, null, null);
            }
        }
        c.AssignedStaff = [.. c.AssignedStaff.Where(s => s.EmployeeId is not null).DistinctBy(s => s.EmployeeId)];
        c.Subject = c.Subject.Trim();
        c.ClassificationCode = c.ClassificationCode.Trim();
        c.Body = c.Body.ReplaceLineEndings("\n");
        return c;
    }
}
