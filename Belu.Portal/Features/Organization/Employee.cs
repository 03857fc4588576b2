using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Organization;

/// <summary>A civil servant (ASN) or contract staff member of a unit.</summary>
public sealed class Employee
{
    public int Id { get; set; }

    /// <summary>18-digit NIP (PNS and PPPK); contract staff may have none.</summary>
    public string? Nip { get; set; }

    public required string Name { get; set; }

    /// <summary>Jabatan, e.g. "Kepala Bidang Aplikasi Informatika".</summary>
    public required string Position { get; set; }

    public EmploymentType EmploymentType { get; set; } = EmploymentType.Pns;

    /// <summary>Pangkat/golongan as the signature block prints it, e.g. "Pembina Tk. I, IV/b"; null when not recorded.</summary>
    public string? Rank { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>Direct superior (atasan langsung); approves requests and receives escalations.</summary>
    public int? SuperiorId { get; set; }

    public Employee? Superior { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>WhatsApp number in international form without "+" (628…), as <see cref="ContactRules.NormalizePhone"/> writes it.</summary>
    public string? Phone { get; set; }

    /// <summary>Where e-mail copies of notifications go.</summary>
    public string? Email { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum EmploymentType
{
    Pns = 0,
    Pppk = 1,
    NonAsn = 2,
    PejabatNegara = 3,
}

public static class EmploymentTypeLabels
{
    public static string Label(this EmploymentType type) => type switch
    {
        EmploymentType.Pns => "PNS",
        EmploymentType.Pppk => "PPPK",
        EmploymentType.NonAsn => "Non-ASN (kontrak)",
        EmploymentType.PejabatNegara => "Pejabat Negara",
        _ => type.ToString(),
    };

    /// <summary>PNS and PPPK always carry an 18-digit NIP; contract staff and elected officials may not.</summary>
    public static bool RequiresNip(this EmploymentType type) => type is EmploymentType.Pns or EmploymentType.Pppk;

    public static bool TryParse(string? text, out EmploymentType type)
    {
        var t = (text ?? "").Trim().ToUpperInvariant().Replace("-", "").Replace(" ", "");
        (var ok, type) = t switch
        {
            "" or "PNS" => (true, EmploymentType.Pns),
            "PPPK" => (true, EmploymentType.Pppk),
            "NONASN" or "KONTRAK" or "HONORER" => (true, EmploymentType.NonAsn),
            "PEJABATNEGARA" => (true, EmploymentType.PejabatNegara),
            _ => (false, EmploymentType.Pns),
        };
        return ok;
    }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(e => e.Nip).HasMaxLength(18);
        b.HasIndex(e => e.Nip).IsUnique();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Position).HasMaxLength(200);
        b.Property(e => e.Rank).HasMaxLength(80);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(254);
        b.HasIndex(e => e.UnitId);
        b.HasIndex(e => e.Name);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Superior).WithMany().HasForeignKey(e => e.SuperiorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Version).IsConcurrencyToken();
    }
}
