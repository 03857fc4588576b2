using System.ComponentModel.DataAnnotations;
using Belu.Portal.Common.Files;
using Belu.Portal.Data;
using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>The kop surat form.</summary>
public sealed class LetterheadInput
{
    [Required(ErrorMessage = "Nama pemerintah daerah wajib diisi.")]
    [StringLength(200, ErrorMessage = "Paling panjang 200 karakter.")]
    public string GovernmentName { get; set; } = LetterheadQueries.Government;

    [Required(ErrorMessage = "Nama perangkat daerah wajib diisi.")]
    [StringLength(200, ErrorMessage = "Paling panjang 200 karakter.")]
    public string UnitName { get; set; } = "";

    [Required(ErrorMessage = "Alamat wajib diisi.")]
    [StringLength(300, ErrorMessage = "Paling panjang 300 karakter.")]
    public string Address { get; set; } = "";

    [StringLength(300, ErrorMessage = "Paling panjang 300 karakter.")]
    public string? Contacts { get; set; }

    /// <summary>A new emblem (PNG); null keeps the current one.</summary>
    public byte[]? EmblemPng { get; set; }

    /// <summary>Back to the shipped regency emblem.</summary>
    public bool UseDefaultEmblem { get; set; }

    public Guid Version { get; set; }
}

/// <summary>The admin keeps an OPD's kop surat. The emblem must be a PNG (checked by its content) of at most 512 KB.</summary>
public sealed class SaveLetterhead(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public const int MaxEmblemBytes = 512 * 1024;

    public async Task HandleAsync(int unitId, LetterheadInput input, CancellationToken ct = default)
    {
        currentUser.RequireAnyRole(Roles.Admin);
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var fields = new Dictionary<string, string>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), errors, true))
        {
            foreach (var e in errors)
            {
                fields[e.MemberNames.FirstOrDefault() ?? ""] = e.ErrorMessage ?? "";
            }
        }
        if (input.EmblemPng is { } png && (png.Length > MaxEmblemBytes || FileSignature.Detect(png) != FileKind.Png))
        {
            fields[nameof(input.EmblemPng)] = "Lambang harus berkas PNG paling besar 512 KB.";
        }
        if (fields.Count > 0)
        {
            throw new Common.ValidationException("Periksa kembali isian kop surat.", fields);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId && (u.Kind == Organization.UnitKind.Opd || u.Kind == Organization.UnitKind.Kecamatan), ct)
            ?? throw new NotFoundException("Perangkat daerah tidak ditemukan.");
        var kop = await db.UnitLetterheads.FirstOrDefaultAsync(k => k.UnitId == unitId, ct);
        if (kop is null)
        {
            kop = new UnitLetterhead { UnitId = unitId, GovernmentName = "", UnitName = "", Address = "" };
            db.UnitLetterheads.Add(kop);
        }
        else if (kop.Version != input.Version)
        {
            throw new ConcurrencyException();
        }
        kop.GovernmentName = input.GovernmentName.Trim();
        kop.UnitName = input.UnitName.Trim();
        kop.Address = input.Address.Trim();
        kop.Contacts = input.Contacts?.Trim() ?? "";
        kop.EmblemPng = input.UseDefaultEmblem ? null : input.EmblemPng ?? kop.EmblemPng;
        kop.Version = Guid.NewGuid();
        audit.Add(db, "letterhead.saved", unit.Code, kop.UnitName);
        await db.SaveOrConflictAsync(ct);
    }
}
