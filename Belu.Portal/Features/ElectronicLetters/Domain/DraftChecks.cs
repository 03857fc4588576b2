namespace Belu.Portal.Features.ElectronicLetters.Domain;

/// <summary>
/// The checks a draft's content passes: on every save only lengths (an autosave keeps half-written work), before it is
/// sent for review everything its kind needs. Field errors are keyed by the <see cref="DraftContent"/> property.
/// </summary>
public static class DraftChecks
{
    public const int MaxBody = 20_000;

    public static Dictionary<string, string> ForSave(DraftContent c)
    {
        var errors = new Dictionary<string, string>();
        void Max(string? value, int max, string field, string label)
        {
            if ((value ?? "").Length > max)
            {
                errors[field] = $"{label} paling panjang {max} karakter.";
            }
        }
        Max(c.Subject, 500, nameof(c.Subject), "Hal");
        Max(c.ClassificationCode, 40, nameof(c.ClassificationCode), "Kode klasifikasi");
        Max(c.Attachments, 200, nameof(c.Attachments), "Lampiran");
        Max(c.Place, 100, nameof(c.Place), "Tempat");
        Max(c.Body, MaxBody, nameof(c.Body), "Isi naskah");
        Max(c.TaskPlace, 200, nameof(c.TaskPlace), "Tempat tugas");
        Max(c.TaskPurpose, 1000, nameof(c.TaskPurpose), "Keperluan");
        Max(c.EventTime, 60, nameof(c.EventTime), "Waktu");
        Max(c.EventPlace, 200, nameof(c.EventPlace), "Tempat acara");
        Max(c.EventAgenda, 1000, nameof(c.EventAgenda), "Acara");
        foreach (var party in c.Addressees.Concat(c.Copies))
        {
            if (!party.IsInternal && string.IsNullOrWhiteSpace(party.Name))
            {
                errors[nameof(c.Addressees)] = "Penerima dari luar wajib diberi nama.";
            }
            Max(party.Name, 200, nameof(c.Addressees), "Nama penerima");
            Max(party.Address, 300, nameof(c.Addressees), "Alamat penerima");
        }
        if (c.Addressees.Count + c.Copies.Count + c.AssignedStaff.Count > 200)
        {
            errors[nameof(c.Addressees)] = "Terlalu banyak penerima (paling banyak 200).";
        }
        return errors;
    }

    public static Dictionary<string, string> ForSending(ElectronicLetterKind kind, DraftContent c)
    {
        var errors = ForSave(c);
        void Required(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.TryAdd(field, message);
            }
        }
        Required(c.Subject, nameof(c.Subject), "Hal wajib diisi.");
        Required(c.ClassificationCode, nameof(c.ClassificationCode), "Kode klasifikasi wajib diisi.");
        Required(c.Body, nameof(c.Body), "Isi naskah wajib diisi.");
        if (kind != ElectronicLetterKind.SuratTugas && c.Addressees.Count == 0)
        {
            errors.TryAdd(nameof(c.Addressees), "Pilih paling sedikit satu penerima.");
        }
        if (kind == ElectronicLetterKind.SuratTugas)
        {
            if (c.AssignedStaff.Count == 0)
            {
                errors.TryAdd(nameof(c.AssignedStaff), "Pilih paling sedikit satu pegawai yang ditugaskan.");
            }
            if (c.TaskFrom is not DateOnly from || c.TaskTo is not DateOnly to || to < from)
            {
                errors.TryAdd(nameof(c.TaskFrom), "Tanggal tugas wajib diisi, dan tanggal selesai tidak boleh sebelum tanggal mulai.");
            }
            Required(c.TaskPlace, nameof(c.TaskPlace), "Tempat tugas wajib diisi.");
            Required(c.TaskPurpose, nameof(c.TaskPurpose), "Keperluan tugas wajib diisi.");
        }
        if (kind == ElectronicLetterKind.SuratUndangan)
        {
            if (c.EventDate is null)
            {
                errors.TryAdd(nameof(c.EventDate), "Hari/tanggal acara wajib diisi.");
            }
            Required(c.EventTime, nameof(c.EventTime), "Waktu acara wajib diisi.");
            Required(c.EventPlace, nameof(c.EventPlace), "Tempat acara wajib diisi.");
            Required(c.EventAgenda, nameof(c.EventAgenda), "Acara wajib diisi.");
        }
        return errors;
    }
}
