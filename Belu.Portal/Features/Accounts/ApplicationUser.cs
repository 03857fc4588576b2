using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Accounts;

/// <summary>A login. Staff accounts belong to an employee; a display screen's account does not.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public int? EmployeeId { get; set; }

    public Employee? Employee { get; set; }

    /// <summary>Shown in the app bar and the audit log; the employee's name for staff accounts.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>An administrator can switch an account off without deleting its history.</summary>
    public bool IsActive { get; set; } = true;
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasOne(u => u.Employee).WithMany().HasForeignKey(u => u.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.EmployeeId).IsUnique();
    }
}
