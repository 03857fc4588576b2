using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Letters;

public sealed record InstructionRow(int Id, string Text, int SortOrder, bool IsActive, Guid Version);

/// <summary>The admin's list of disposition instructions. Texts already on dispositions are copies and never change.</summary>
public sealed class InstructionService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<IReadOnlyList<InstructionRow>> ListAsync(CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DispositionInstructions.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Text)
            .Select(i => new InstructionRow(i.Id, i.Text, i.SortOrder, i.IsActive, i.Version)).ToListAsync(ct);
    }

    public async Task<int> AddAsync(string text, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var clean = Clean(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureUniqueAsync(db, clean, null, ct);
        var order = (await db.DispositionInstructions.MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 10;
        var instruction = new DispositionInstruction { Text = clean, SortOrder = order };
        db.DispositionInstructions.Add(instruction);
        audit.Add(db, "instruction.created", clean);
        await db.SaveChangesAsync(ct);
        return instruction.Id;
    }

    public async Task UpdateAsync(int id, string text, int sortOrder, bool isActive, Guid version, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var clean = Clean(text);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var instruction = await db.DispositionInstructions.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Instruksi tidak ditemukan.");
        await EnsureUniqueAsync(db, clean, id, ct);
        db.Entry(instruction).Property(i => i.Version).OriginalValue = version;
        audit.Add(db, "instruction.updated", clean, instruction.Text == clean ? (isActive ? "aktif" : "nonaktif") : $"semula: {instruction.Text}");
        instruction.Text = clean;
        instruction.SortOrder = sortOrder;
        instruction.IsActive = isActive;
        instruction.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException();
        }
    }

    private static string Clean(string? text)
    {
        var clean = (text ?? "").Trim();
        return clean.Length switch
        {
            0 => throw new ValidationException("Teks instruksi wajib diisi."),
            > 100 => throw new ValidationException("Teks instruksi paling banyak 100 karakter."),
            _ => clean,
        };
    }

    private static async Task EnsureUniqueAsync(PortalDbContext db, string text, int? id, CancellationToken ct)
    {
        if (await db.DispositionInstructions.AnyAsync(i => i.Text == text && i.Id != id, ct))
        {
            throw new ValidationException($"Instruksi \"{text}\" sudah ada.");
        }
    }
}
