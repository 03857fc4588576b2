using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance.Leave;

/// <summary>
/// The balance an admin sets for one employee at go-live (docs/domain/leave.md): what he carried into that year from
/// N-1 and N-2 and what he had already taken of it. One per employee; every change is audited.
/// </summary>
public sealed class LeaveOpeningBalance
{
    public int Id { get; set; }

    public int EmployeeId { get; set; }

    public int Year { get; set; }

    public int CarriedFromN1 { get; set; }

    public int CarriedFromN2 { get; set; }

    public int TakenBeforeGoLive { get; set; }

    public required string Note { get; set; }

    public int? SetByEmployeeId { get; set; }

    public DateTime SetUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class LeaveOpeningBalanceConfiguration : IEntityTypeConfiguration<LeaveOpeningBalance>
{
    public void Configure(EntityTypeBuilder<LeaveOpeningBalance> b)
    {
        b.ToTable("LeaveOpeningBalances");
        b.HasIndex(o => o.EmployeeId).IsUnique();
        b.Property(o => o.Note).HasMaxLength(500);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(o => o.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
