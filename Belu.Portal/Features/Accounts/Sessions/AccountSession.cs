using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Accounts.Sessions;

/// <summary>
/// One sign-in of a person: its id travels in the cookie (<see cref="SessionClaims.SessionId"/>), and signing out
/// ends it here, so a copy of the cookie is refused afterwards (at once on every instance, and at the periodic
/// check after a restart).
/// </summary>
public sealed class AccountSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string UserId { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    public string? IpAddress { get; set; }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> b)
    {
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.HasIndex(s => new { s.UserId, s.StartedAtUtc });
    }
}
