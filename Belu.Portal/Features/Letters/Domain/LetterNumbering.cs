using System.Globalization;
using System.Text.RegularExpressions;

namespace Belu.Portal.Features.Letters.Domain;

/// <summary>
/// Numbers of the letter registers. Incoming: an agenda number per unit and year ("0042/2026"). Outgoing: the regional
/// format classification/sequence/unit code/year ("000.1.2.3/42/DISKOMINFO/2026"). Sequences start at 1 every year.
/// </summary>
public static partial class LetterNumbering
{
    public static string AgendaNumber(int sequence, int year)
    {
        CheckSequence(sequence, year);
        return string.Create(CultureInfo.InvariantCulture, $"{sequence:0000}/{year}");
    }

    public static string OutgoingNumber(string classificationCode, int sequence, string unitCode, int year)
    {
        CheckSequence(sequence, year);
        var code = NormalizeClassification(classificationCode)
            ?? throw new ArgumentException($"Kode klasifikasi '{classificationCode}' tidak sah.", nameof(classificationCode));
        if (string.IsNullOrWhiteSpace(unitCode) || unitCode.Contains('/'))
        {
            throw new ArgumentException("Kode unit tidak sah.", nameof(unitCode));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{code}/{sequence}/{unitCode.Trim().ToUpperInvariant()}/{year}");
    }

    /// <summary>
    /// A Permendagri 83/2022 archive classification: a three-digit main group, then up to three dotted sub-levels
    /// of one or two digits (000, 000.1, 000.1.2, 000.1.2.3). Returns null when the text is not one.
    /// </summary>
    public static string? NormalizeClassification(string? code)
    {
        var text = (code ?? "").Trim();
        return ClassificationPattern().IsMatch(text) ? text : null;
    }

    /// <summary>Error message for a classification code, or null when it is valid.</summary>
    public static string? CheckClassification(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "Kode klasifikasi wajib diisi."
        : NormalizeClassification(code) is null ? "Kode klasifikasi harus berformat Permendagri 83/2022, misalnya 000.1.2.3."
        : null;

    private static void CheckSequence(int sequence, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }

    [GeneratedRegex(@"^\d{3}(\.\d{1,2}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassificationPattern();
}
