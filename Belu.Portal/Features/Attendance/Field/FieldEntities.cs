using Belu.Portal.Features.Attendance.Field.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Belu.Portal.Features.Attendance.Field;

/// <summary>An office where field staff may check in by location: its coordinates and the radius around them.</summary>
public sealed class FieldSite
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The unit whose staff (with its sub-units) may use it; null: every field employee of the regency.</summary>
    public int? UnitId { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int RadiusMetres { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>An admin's mark: this unit (with its sub-units) or this employee works in the field and may check in by location.</summary>
public sealed class FieldStaffMark
{
    public int Id { get; set; }

    public int? UnitId { get; set; }

    public int? EmployeeId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>The destination of a DL request (or of the DL a Surat Tugas ordered), where its days' field punches are accepted.</summary>
public sealed class DutyDestination
{
    public Guid RequestId { get; set; }

    public required string Place { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int RadiusMetres { get; set; }

    public int SetByEmployeeId { get; set; }

    public DateTime SetUtc { get; set; }
}

/// <summary>The superior's review of a field punch.</summary>
public enum FieldReview
{
    /// <summary>Nothing looked forged: it counts, and the superior may still reject it.</summary>
    TidakPerlu = 0,

    /// <summary>Flagged: kept, but it counts only once the superior accepts it.</summary>
    Menunggu = 1,

    Diterima = 2,

    Ditolak = 3,
}

/// <summary>Where a web punch from the field was made: the fix, the area it fell in, the flags, the photo and the review.</summary>
public sealed class FieldPunch
{
    public Guid PunchId { get; set; }

    public int EmployeeId { get; set; }

    public DateTime AtUtc { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public double AccuracyMetres { get; set; }

    public required string AreaName { get; set; }

    public FieldAreaKind AreaKind { get; set; }

    public int DistanceMetres { get; set; }

    public FieldFlag Flags { get; set; }

    /// <summary>The live photo's key in the file store (JPEG, sniffed), when one was taken.</summary>
    public string? PhotoKey { get; set; }

    public FieldReview Review { get; set; }

    public int? ReviewedByEmployeeId { get; set; }

    /// <summary>"Plh. Kepala Bidang …" when the superior's acting official reviewed it, as it was that day; null for the superior himself.</summary>
    public string? ReviewedAs { get; set; }

    public DateTime? ReviewedUtc { get; set; }

    public string? ReviewNote { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public GeoPoint Point => new(Latitude, Longitude);

    /// <summary>Whether the punch counts for its day: not flagged, or flagged and accepted; never once rejected.</summary>
    public static bool Counts(FieldReview review) => review is FieldReview.TidakPerlu or FieldReview.Diterima;
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<FieldSite>, IEntityTypeConfiguration<FieldStaffMark>,
    IEntityTypeConfiguration<DutyDestination>, IEntityTypeConfiguration<FieldPunch>
{
    public void Configure(EntityTypeBuilder<FieldSite> b)
    {
        b.ToTable("FieldSites");
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasIndex(s => s.Name).IsUnique();
        b.HasOne<Organization.Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<FieldStaffMark> b)
    {
        b.ToTable("FieldStaffMarks");
        b.HasIndex(m => m.UnitId).IsUnique();
        b.HasIndex(m => m.EmployeeId).IsUnique();
        b.HasOne<Organization.Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization.Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DutyDestination> b)
    {
        b.ToTable("DutyDestinations");
        b.HasKey(d => d.RequestId);
        b.Property(d => d.Place).HasMaxLength(200);
        b.HasOne<AttendanceRequest>().WithOne().HasForeignKey<DutyDestination>(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FieldPunch> b)
    {
        b.ToTable("FieldPunches");
        b.HasKey(f => f.PunchId);
        b.HasOne<Punch>().WithOne().HasForeignKey<FieldPunch>(f => f.PunchId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.EmployeeId, f.AtUtc });
        b.HasIndex(f => new { f.Review, f.AtUtc });
        b.Property(f => f.AreaName).HasMaxLength(200);
        b.Property(f => f.PhotoKey).HasMaxLength(200);
        b.Property(f => f.ReviewNote).HasMaxLength(500);
        b.Property(f => f.ReviewedAs).HasMaxLength(220);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
