namespace Belu.Portal.Features.Organization.Acting;

/// <summary>The appointment form: whose post, who acts, Plh or Plt, the range and the letter it cites.</summary>
public sealed class ActingInput
{
    public int ReplacedEmployeeId { get; set; }

    public int ActingEmployeeId { get; set; }

    public ActingKind Kind { get; set; } = ActingKind.Plh;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string LetterNumber { get; set; } = "";

    public DateOnly? LetterDate { get; set; }

    /// <summary>The signed letter of the portal the appointment cites, when the surat perintah was drafted here; its number and date win.</summary>
    public Guid? SignedLetterId { get; set; }

    /// <summary>The form's own checks; the rules that need the database come after (<see cref="AppointActing"/>).</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (ReplacedEmployeeId <= 0)
        {
            errors[nameof(ReplacedEmployeeId)] = "Pilih pejabat yang digantikan.";
        }
        if (ActingEmployeeId <= 0)
        {
            errors[nameof(ActingEmployeeId)] = "Pilih pegawai yang ditunjuk sebagai Plh/Plt.";
        }
        if (From is null)
        {
            errors[nameof(From)] = "Tanggal mulai wajib diisi.";
        }
        if (To is null)
        {
            errors[nameof(To)] = "Tanggal selesai wajib diisi.";
        }
        if (string.IsNullOrWhiteSpace(LetterNumber))
        {
            errors[nameof(LetterNumber)] = "Nomor surat perintah wajib diisi.";
        }
        else if (LetterNumber.Trim().Length > 100)
        {
            errors[nameof(LetterNumber)] = "Nomor surat paling panjang 100 karakter.";
        }
        if (LetterDate is null)
        {
            errors[nameof(LetterDate)] = "Tanggal surat perintah wajib diisi.";
        }
        else if (LetterDate > today)
        {
            errors[nameof(LetterDate)] = "Tanggal surat perintah tidak boleh setelah hari ini.";
        }
        return errors;
    }
}
