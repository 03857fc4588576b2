using System.Globalization;

namespace Belu.Portal.Features.Organization;

/// <summary>
/// Nomor Induk Pegawai: 18 digits = birth date (yyyyMMdd) + appointment (yyyyMM) + sex (1 male, 2 female) + sequence (3).
/// Written with or without the customary spaces ("19850312 201001 1 003").
/// </summary>
public readonly record struct Nip(string Value, DateOnly BirthDate, int AppointmentYear, int AppointmentMonth, int Sex, int Sequence)
{
    public override string ToString() => Value;

    /// <summary>The customary spaced form: "19850312 201001 1 003".</summary>
    public string Formatted => $"{Value[..8]} {Value[8..14]} {Value[14]} {Value[15..]}";

    /// <summary>Strips the spaces and dots people type; returns null for blank input.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return new string(text.Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray());
    }

    /// <summary>Parses a NIP; on failure <paramref name="error"/> says why, in Bahasa Indonesia.</summary>
    public static bool TryParse(string? text, int currentYear, out Nip nip, out string error)
    {
        nip = default;
        var value = Normalize(text);
        if (value is null)
        {
            error = "NIP wajib diisi.";
            return false;
        }
        if (value.Length != 18 || !value.All(char.IsAsciiDigit))
        {
            error = "NIP harus terdiri dari 18 angka.";
            return false;
        }
        if (!DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1940 || birth.Year > currentYear - 15)
        {
            error = "8 angka pertama NIP harus tanggal lahir yang sah (tttt-bb-hh).";
            return false;
        }
        var appointmentYear = int.Parse(value[8..12], CultureInfo.InvariantCulture);
        var appointmentMonth = int.Parse(value[12..14], CultureInfo.InvariantCulture);
        if (appointmentMonth is < 1 or > 12 || appointmentYear < birth.Year + 15 || appointmentYear > currentYear + 1)
        {
            error = "Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan yang sah.";
            return false;
        }
        var sex = value[14] - '0';
        if (sex is not (1 or 2))
        {
            error = "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2.";
            return false;
        }
        var sequence = int.Parse(value[15..], CultureInfo.InvariantCulture);
        if (sequence == 0)
        {
            error = "Nomor urut NIP (3 angka terakhir) tidak boleh 000.";
            return false;
        }
        nip = new Nip(value, birth, appointmentYear, appointmentMonth, sex, sequence);
        error = "";
        return true;
    }
}
