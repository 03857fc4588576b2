using System.Text;
using System.Text.Json;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// Everything a conceptor (or a verifier) edits in a draft: the form's model and, as JSON, each kept version.
/// Internal parties carry ids; their names are filled from the organisation on every save, never from the form.
/// </summary>
public sealed class DraftContent
{
    public PaperSize Paper { get; set; } = PaperSize.A4;

    public SecurityClass Security { get; set; } = SecurityClass.Biasa;

    public Urgency Urgency { get; set; } = Urgency.Biasa;

    public string ClassificationCode { get; set; } = "";

    /// <summary>Hal.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Lampiran, as printed ("1 (satu) berkas", "-").</summary>
    public string Attachments { get; set; } = "-";

    public string Place { get; set; } = "Atambua";

    /// <summary>Plain text: see <see cref="Domain.BodyFormat"/>.</summary>
    public string Body { get; set; } = "";

    public List<DraftParty> Addressees { get; set; } = [];

    /// <summary>Tembusan.</summary>
    public List<DraftParty> Copies { get; set; } = [];

    // Surat Tugas
    public List<DraftParty> AssignedStaff { get; set; } = [];

    public DateOnly? TaskFrom { get; set; }

    public DateOnly? TaskTo { get; set; }

    public string? TaskPlace { get; set; }

    public string? TaskPurpose { get; set; }

    // Surat Undangan
    public DateOnly? EventDate { get; set; }

    public string? EventTime { get; set; }

    public string? EventPlace { get; set; }

    public string? EventAgenda { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DraftContent FromJson(string json) => JsonSerializer.Deserialize<DraftContent>(json, Json) ?? new DraftContent();

    public DraftContent Copy() => FromJson(ToJson());

    /// <summary>The content as lines of text, the form a reader compares two versions in.</summary>
    public string ToText(ElectronicLetterKind kind)
    {
        var text = new StringBuilder();
        text.AppendLine($"Kertas: {Paper}");
        text.AppendLine($"Sifat: {Security.Label()}");
        text.AppendLine($"Urgensi: {Urgency.Label()}");
        text.AppendLine($"Kode klasifikasi: {ClassificationCode}");
        text.AppendLine($"Hal: {Subject}");
        text.AppendLine($"Lampiran: {Attachments}");
        text.AppendLine($"Tempat: {Place}");
        foreach (var a in Addressees)
        {
            text.AppendLine($"Kepada: {a.Label}");
        }
        foreach (var c in Copies)
        {
            text.AppendLine($"Tembusan: {c.Label}");
        }
        if (kind == ElectronicLetterKind.SuratTugas)
        {
            foreach (var s in AssignedStaff)
            {
                text.AppendLine($"Ditugaskan: {s.Name} ({s.Nip})");
            }
            text.AppendLine($"Tanggal tugas: {TaskFrom:dd/MM/yyyy} s.d. {TaskTo:dd/MM/yyyy}");
            text.AppendLine($"Tempat tugas: {TaskPlace}");
            text.AppendLine($"Keperluan: {TaskPurpose}");
        }
        if (kind == ElectronicLetterKind.SuratUndangan)
        {
            text.AppendLine($"Hari/tanggal: {EventDate:dd/MM/yyyy}");
            text.AppendLine($"Waktu: {EventTime}");
            text.AppendLine($"Tempat acara: {EventPlace}");
            text.AppendLine($"Acara: {EventAgenda}");
        }
        text.AppendLine("Isi:");
        text.Append(Body.ReplaceLineEndings("\n"));
        return text.ToString();
    }
}

/// <summary>
/// An addressee, a tembusan or an assigned staff member: a unit or an employee of the tree (by id), or an external
/// name with an address.
/// </summary>
public sealed class DraftParty
{
    public int? EmployeeId { get; set; }

    public int? UnitId { get; set; }

    public string Name { get; set; } = "";

    public string? Address { get; set; }

    public string? Nip { get; set; }

    public string? Position { get; set; }

    public string? Rank { get; set; }

    public bool IsInternal => EmployeeId is not null || UnitId is not null;

    /// <summary>As a letter names it: a person by jabatan, a unit by name, an external one with the address.</summary>
    public string Label => EmployeeId is not null ? Position ?? Name
        : UnitId is not null ? Name
        : string.IsNullOrWhiteSpace(Address) ? Name : $"{Name}, {Address}";
}
