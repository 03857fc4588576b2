using System.ComponentModel.DataAnnotations;

namespace Belu.Portal.Features.Organization;

/// <summary>The employee form. The page validates with these attributes; the service validates again.</summary>
public sealed class EmployeeInput
{
    [Display(Name = "NIP")]
    public string? Nip { get; set; }

    [Required(ErrorMessage = "Nama wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama paling panjang 200 karakter.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Jabatan wajib diisi.")]
    [StringLength(200, ErrorMessage = "Jabatan paling panjang 200 karakter.")]
    public string Position { get; set; } = "";

    public EmploymentType EmploymentType { get; set; } = EmploymentType.Pns;

    [StringLength(80, ErrorMessage = "Pangkat/golongan paling panjang 80 karakter.")]
    public string? Rank { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Unit kerja wajib dipilih.")]
    public int UnitId { get; set; }

    public int? SuperiorId { get; set; }

    public bool IsActive { get; set; } = true;

    [Display(Name = "Nomor WhatsApp")]
    public string? Phone { get; set; }

    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    /// <summary>The version the form was loaded with, for optimistic concurrency.</summary>
    public Guid Version { get; set; }
}

/// <summary>The unit form.</summary>
public sealed class UnitInput
{
    [Required(ErrorMessage = "Nama unit wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama unit paling panjang 200 karakter.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Kode unit wajib diisi.")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9.\\-]{0,39}$", ErrorMessage = "Kode unit hanya huruf, angka, titik dan tanda hubung (maks. 40).")]
    public string Code { get; set; } = "";

    public UnitKind Kind { get; set; } = UnitKind.Bidang;

    public int? ParentId { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
}

/// <summary>Pure checks of an employee's own fields (no database).</summary>
public static class EmployeeRules
{
    public static Dictionary<string, string> Validate(EmployeeInput input, int currentYear)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = "Nama wajib diisi.";
        }
        else if (IsFormulaLike(input.Name))
        {
            errors[nameof(input.Name)] = "Nama tidak boleh diawali tanda =, +, - atau @.";
        }
        if (string.IsNullOrWhiteSpace(input.Position))
        {
            errors[nameof(input.Position)] = "Jabatan wajib diisi.";
        }
        else if (IsFormulaLike(input.Position))
        {
            errors[nameof(input.Position)] = "Jabatan tidak boleh diawali tanda =, +, - atau @.";
        }
        if (input.UnitId <= 0)
        {
            errors[nameof(input.UnitId)] = "Unit kerja wajib dipilih.";
        }

        if (!ContactRules.TryNormalizePhone(input.Phone, out _))
        {
            errors[nameof(input.Phone)] = "Nomor WhatsApp tidak sah; tulis misalnya 0812 3456 7890 atau +62 812 3456 7890.";
        }
        if (!ContactRules.TryNormalizeEmail(input.Email, out _))
        {
            errors[nameof(input.Email)] = "Alamat e-mail tidak sah; tulis misalnya nama@belukab.go.id.";
        }

        var nip = Nip.Normalize(input.Nip);
        if (nip is null)
        {
            if (input.EmploymentType.RequiresNip())
            {
                errors[nameof(input.Nip)] = $"NIP wajib diisi untuk {input.EmploymentType.Label()}.";
            }
        }
        else if (!Nip.TryParse(nip, currentYear, out _, out var nipError))
        {
            errors[nameof(input.Nip)] = nipError;
        }
        return errors;
    }

    /// <summary>Text that a spreadsheet would run as a formula.</summary>
    public static bool IsFormulaLike(string text) =>
        text.TrimStart() is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@';
}
