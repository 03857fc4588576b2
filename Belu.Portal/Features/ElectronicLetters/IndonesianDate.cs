namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// Dates as a naskah dinas writes them: day without a leading zero, the month's Indonesian name, the year in full
/// ("2 Desember 2026"), never the machine's culture (docs/domain/naskah-dinas.md).
/// </summary>
public static class IndonesianDate
{
    private static readonly string[] Months =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>The month's name, 1 = Januari … 12 = Desember.</summary>
    public static string MonthName(int month) =>
        month is >= 1 and <= 12 ? Months[month - 1] : throw new ArgumentOutOfRangeException(nameof(month), month, "Bulan harus 1 sampai 12.");

    /// <summary>"2 Desember 2026".</summary>
    public static string Format(DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Day} {MonthName(date.Month)} {date.Year}");

    /// <summary>"Atambua, 2 Desember 2026", the place-and-date line above the signature or under the kop.</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {Format(date)}";
}
