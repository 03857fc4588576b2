using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Organization;

/// <summary>
/// Imports employees from a CSV file: a preview first (every line checked, against the file and the database),
/// then all lines in one transaction, or none.
/// </summary>
public sealed class EmployeeImportService(
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    OfficeClock clock,
    IOptions<StorageOptions> storage)
{
    public long MaxFileBytes => Math.Min(storage.Value.MaxUploadBytes, 5 * 1024 * 1024);

    public async Task<EmployeeCsvResult> PreviewAsync(Stream file, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var bytes = await ReadLimitedAsync(file, ct);
        if (bytes is null)
        {
            return new($"Berkas terlalu besar (maks. {MaxFileBytes / 1024 / 1024} MB).", []);
        }
        var parsed = EmployeeCsv.Parse(bytes, clock.Today.Year);
        if (parsed.FileError is not null)
        {
            return parsed;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAgainstDatabaseAsync(db, parsed.Rows, ct);
        return parsed;
    }

    /// <summary>Imports every row of a clean preview, checked again inside the transaction; returns how many were added.</summary>
    public async Task<int> ImportAsync(EmployeeCsvResult preview, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        if (!preview.IsValid)
        {
            throw new ValidationException("Masih ada baris yang salah; tidak ada data yang diimpor.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in preview.Rows)
        {
            row.Errors.Clear();
        }
        await CheckAgainstDatabaseAsync(db, preview.Rows, ct);
        if (!preview.IsValid)
        {
            throw new ValidationException("Data berubah sejak pratinjau; periksa baris yang ditandai. Tidak ada data yang diimpor.");
        }

        var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var added = preview.Rows.Select(row => (row, employee: new Employee
        {
            Nip = row.Nip,
            Name = row.Name,
            Position = row.Position,
            EmploymentType = row.EmploymentType,
            UnitId = units[row.UnitCode],
            Phone = row.Phone,
            Email = row.Email,
        })).ToList();
        db.Employees.AddRange(added.Select(a => a.employee));
        await db.SaveChangesAsync(ct);

        // Superiors may be in the file itself, so they are linked once everyone has an id.
        var byNip = await db.Employees.Where(e => e.Nip != null).ToDictionaryAsync(e => e.Nip!, e => e.Id, ct);
        foreach (var (row, employee) in added.Where(a => a.row.SuperiorNip is not null))
        {
            employee.SuperiorId = byNip[row.SuperiorNip!];
        }
        audit.Add(db, "employee.imported", $"{added.Count} pegawai", string.Join(", ", added.Take(20).Select(a => a.employee.Nip ?? a.employee.Name)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added.Count;
    }

    private static async Task CheckAgainstDatabaseAsync(PortalDbContext db, IReadOnlyList<EmployeeImportRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.UnitCode).Distinct().ToList();
        var activeUnits = await db.Units.Where(u => codes.Contains(u.Code) && u.IsActive).Select(u => u.Code).ToListAsync(ct);
        var nips = rows.Select(r => r.Nip).Concat(rows.Select(r => r.SuperiorNip)).OfType<string>().Distinct().ToList();
        var existing = await db.Employees.Where(e => e.Nip != null && nips.Contains(e.Nip))
            .Select(e => new { Nip = e.Nip!, e.Name }).ToDictionaryAsync(e => e.Nip, e => e.Name, ct);
        var inFile = rows.Where(r => r.Nip is not null).Select(r => r.Nip!).ToHashSet();
        var superiorInFile = rows.Where(r => r.Nip is not null && r.SuperiorNip is not null)
            .GroupBy(r => r.Nip!).ToDictionary(g => g.Key, g => g.First().SuperiorNip!);

        foreach (var row in rows)
        {
            if (row.UnitCode.Length > 0 && !activeUnits.Contains(row.UnitCode))
            {
                row.Errors.Add($"Kode unit {row.UnitCode} tidak ditemukan atau tidak aktif.");
            }
            if (row.Nip is not null && existing.TryGetValue(row.Nip, out var holder))
            {
                row.Errors.Add($"NIP {row.Nip} sudah terdaftar atas nama {holder}.");
            }
            if (row.SuperiorNip is not null)
            {
                if (row.SuperiorNip == row.Nip)
                {
                    row.Errors.Add("NIP atasan sama dengan NIP pegawai sendiri.");
                }
                else if (!existing.ContainsKey(row.SuperiorNip) && !inFile.Contains(row.SuperiorNip))
                {
                    row.Errors.Add($"Atasan dengan NIP {row.SuperiorNip} tidak ditemukan (di berkas maupun di data pegawai).");
                }
                else if (row.Nip is not null && IsCircular(row.Nip, superiorInFile))
                {
                    row.Errors.Add("Rantai atasan di berkas melingkar (pegawai menjadi atasan dari atasannya sendiri).");
                }
            }
        }
    }

    private static bool IsCircular(string nip, Dictionary<string, string> superiorOf)
    {
        var seen = new HashSet<string> { nip };
        for (var current = nip; superiorOf.TryGetValue(current, out var next); current = next)
        {
            if (!seen.Add(next))
            {
                return next == nip;
            }
        }
        return false;
    }

    private async Task<byte[]?> ReadLimitedAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }
}
