using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.ElectronicLetters.Signing;

/// <summary>
/// A signer's wrong passphrases in a row. At <see cref="MaxFailures"/> signing is locked for them until an admin
/// unlocks it; a successful signature clears the count. One row per signer who ever mistyped.
/// </summary>
public sealed class SignerLock
{
    public const int MaxFailures = 5;

    public int EmployeeId { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? LastFailureAtUtc { get; set; }

    public DateTime? LockedAtUtc { get; set; }

    public bool IsLocked => LockedAtUtc is not null;
}

internal sealed class SignerLockConfiguration : IEntityTypeConfiguration<SignerLock>
{
    public void Configure(EntityTypeBuilder<SignerLock> b)
    {
        b.ToTable("SignerLocks");
        b.HasKey(l => l.EmployeeId);
        b.Property(l => l.EmployeeId).ValueGeneratedNever();
        b.Ignore(l => l.IsLocked);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(l => l.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
