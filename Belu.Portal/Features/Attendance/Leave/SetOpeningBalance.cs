using Belu.Portal.Common;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Features.Attendance.Leave;

public sealed class OpeningBalanceInput
{
    public int EmployeeId { get; set; }

    public int Year { get; set; }

    public int CarriedFromN1 { get; set; }

    public int CarriedFromN2 { get; set; }

    public int TakenBeforeGoLive { get; set; }

    /// <summary>Where the figures come from (the kartu cuti, the BKD's letter): kept with the audit line.</summary>
    public string Note { get; set; } = "";
}

/// <summary>
/// An admin sets an employee's cuti balance at go-live (docs/domain/leave.md): the days carried into that year from N-1
/// and N-2, within the carry-over caps, and the days already taken in it. Audited with the figures before and after.
/// </summary>
public sealed class SetOpeningBalance(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, OfficeClock clock, IOptions<LeaveOptions> options)
{
    public async Task SetAsync(OpeningBalanceInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var o = options.Value;
        var errors = new Dictionary<string, string>();
        if (input.Year < 2000 || input.Year > clock.Today.Year)
        {
            errors[nameof(input.Year)] = $"Tahun saldo awal 2000–{clock.Today.Year}.";
        }
        if (input.CarriedFromN1 < 0 || input.CarriedFromN1 > o.CarryOverDays)
        {
            errors[nameof(input.CarriedFromN1)] = $"Sisa N-1 yang dibawa 0–{o.CarryOverDays} hari kerja.";
        }
        var maxN2 = o.CarryOverTwoYears ? o.CarryOverDays : 0;
        if (input.CarriedFromN2 < 0 || input.CarriedFromN2 > maxN2)
        {
            errors[nameof(input.CarriedFromN2)] = $"Sisa N-2 yang dibawa 0–{maxN2} hari kerja.";
        }
        if (input.TakenBeforeGoLive < 0 || input.TakenBeforeGoLive > o.AnnualDays + input.CarriedFromN1 + input.CarriedFromN2)
        {
            errors[nameof(input.TakenBeforeGoLive)] = "Cuti yang sudah diambil tidak boleh negatif atau melebihi hak tahun itu.";
        }
        if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Trim().Length > 500)
        {
            errors[nameof(input.Note)] = "Sebutkan sumber angka ini (mis. kartu cuti), paling panjang 500 karakter.";
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Values.First(), errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Employees.AnyAsync(e => e.Id == input.EmployeeId, ct))
        {
            throw new NotFoundException("Pegawai tidak ditemukan.");
        }
        var row = await db.LeaveOpeningBalances.FirstOrDefaultAsync(b => b.EmployeeId == input.EmployeeId, ct);
        var before = row is null ? "tidak ada" : $"{row.Year}: N-1 {row.CarriedFromN1}, N-2 {row.CarriedFromN2}, diambil {row.TakenBeforeGoLive}";
        if (row is null)
        {
            row = new LeaveOpeningBalance { EmployeeId = input.EmployeeId, Note = "" };
            db.LeaveOpeningBalances.Add(row);
        }
        row.Year = input.Year;
        row.CarriedFromN1 = input.CarriedFromN1;
        row.CarriedFromN2 = input.CarriedFromN2;
        row.TakenBeforeGoLive = input.TakenBeforeGoLive;
        row.Note = input.Note.Trim();
        row.SetByEmployeeId = currentUser.EmployeeId;
        row.SetUtc = clock.UtcNow;
        row.Version = Guid.NewGuid();
        audit.Add(db, "attendance.leave.opening", input.EmployeeId.ToString(),
            $"sebelum {before}; sesudah {row.Year}: N-1 {row.CarriedFromN1}, N-2 {row.CarriedFromN2}, diambil {row.TakenBeforeGoLive} ({row.Note})");
        await db.SaveChangesAsync(ct);
    }
}
