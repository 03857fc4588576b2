using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.ElectronicLetters.Delivery;

/// <summary>
/// A signed letter delivered to one internal addressee or tembusan holder: the surat masuk it became in the receiving
/// unit's register, and when someone of that unit first opened it. One row per signed letter and recipient (a unique
/// key), so a letter is never delivered twice to the same person (docs/decisions/0024).
/// </summary>
public sealed class LetterDelivery
{
    public long Id { get; set; }

    public Guid SignedLetterId { get; set; }

    /// <summary>The sender's register row, for the outgoing page.</summary>
    public Guid OutgoingLetterId { get; set; }

    /// <summary>The surat masuk the delivery registered in the receiving unit's book.</summary>
    public Guid IncomingLetterId { get; set; }

    /// <summary>Who holds the letter: the addressee (a unit's head, or the person picked), or the tembusan holder.</summary>
    public int RecipientEmployeeId { get; set; }

    /// <summary>The OPD whose incoming register numbered the letter.</summary>
    public int ReceivingUnitId { get; set; }

    /// <summary>As the letter names the recipient ("Kepala Dinas …", a unit's name).</summary>
    public required string Label { get; set; }

    /// <summary>A tembusan: arrived read-only, never disposed.</summary>
    public bool IsCopy { get; set; }

    public required string AgendaNumber { get; set; }

    public DateTime DeliveredAtUtc { get; set; }

    /// <summary>When someone of the receiving unit first opened the surat masuk.</summary>
    public DateTime? ReadAtUtc { get; set; }

    public string? ReadByName { get; set; }
}

internal sealed class LetterDeliveryConfiguration : IEntityTypeConfiguration<LetterDelivery>
{
    public void Configure(EntityTypeBuilder<LetterDelivery> b)
    {
        b.ToTable("LetterDeliveries");
        b.Property(d => d.Label).HasMaxLength(500);
        b.Property(d => d.AgendaNumber).HasMaxLength(20);
        b.Property(d => d.ReadByName).HasMaxLength(300);
        // The idempotency key: one delivery per signed letter and recipient, whatever retries or races happen.
        b.HasIndex(d => new { d.SignedLetterId, d.RecipientEmployeeId }).IsUnique();
        b.HasIndex(d => d.IncomingLetterId).IsUnique();
        b.HasIndex(d => d.OutgoingLetterId);
        b.HasOne<SignedLetter>().WithMany().HasForeignKey(d => d.SignedLetterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OutgoingLetter>().WithMany().HasForeignKey(d => d.OutgoingLetterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IncomingLetter>().WithMany().HasForeignKey(d => d.IncomingLetterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(d => d.RecipientEmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>How a letter went to an external addressee.</summary>
public enum DispatchMethod
{
    Kurir = 0,
    Pos = 1,
    Email = 2,
    DiantarLangsung = 3,
}

public static class DispatchMethods
{
    public static string Label(this DispatchMethod method) => method switch
    {
        DispatchMethod.Kurir => "Kurir",
        DispatchMethod.Pos => "Pos",
        DispatchMethod.Email => "Email",
        DispatchMethod.DiantarLangsung => "Diantar langsung",
        _ => method.ToString(),
    };
}

/// <summary>A clerk's or conceptor's record that an outgoing letter went to one external addressee: how, when, to whom.</summary>
public sealed class LetterDispatch
{
    public long Id { get; set; }

    public Guid OutgoingLetterId { get; set; }

    /// <summary>One line of the letter's Kepada or Tembusan.</summary>
    public required string Recipient { get; set; }

    public DispatchMethod Method { get; set; }

    public DateOnly SentDate { get; set; }

    /// <summary>Who received it at the other end (or the address an email went to).</summary>
    public required string ReceiverName { get; set; }

    /// <summary>The receipt (tanda terima), a file of the outgoing letter served after its scope check.</summary>
    public Guid? ReceiptFileId { get; set; }

    public int RecordedById { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}

internal sealed class LetterDispatchConfiguration : IEntityTypeConfiguration<LetterDispatch>
{
    public void Configure(EntityTypeBuilder<LetterDispatch> b)
    {
        b.ToTable("LetterDispatches");
        b.Property(d => d.Recipient).HasMaxLength(500);
        b.Property(d => d.ReceiverName).HasMaxLength(200);
        b.HasIndex(d => d.OutgoingLetterId);
        b.HasOne<OutgoingLetter>().WithMany().HasForeignKey(d => d.OutgoingLetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LetterFile>().WithMany().HasForeignKey(d => d.ReceiptFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}
