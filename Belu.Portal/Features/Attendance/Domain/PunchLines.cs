using System.Globalization;
using System.Text;
using CsvHelper;

namespace Belu.Portal.Features.Attendance.Domain;

/// <summary>One punch read from a machine or a file: who (PIN or NIP) and when, in the machine's local time or with an offset.</summary>
public sealed record PunchLine(int LineNumber, string Pin, DateTime Local, DateTimeOffset? WithOffset = null);

/// <summary>A line that could not be read, with the reason in Bahasa Indonesia.</summary>
public sealed record PunchLineError(int LineNumber, string Text, string Reason);

public sealed record PunchLineParse(IReadOnlyList<PunchLine> Lines, IReadOnlyList<PunchLineError> Errors);

/// <summary>
/// Reads punches as attendance machines write them: the ZKTeco ADMS ATTLOG upload
/// (<c>PIN\tYYYY-MM-DD HH:MM:SS\tstatus\tverify\t...</c>) and exported log files (attlog.dat, CSV or TSV with or
/// without a header, date and time in one column or two). CsvHelper splits the fields; the checks of a line and their
/// messages are ours.
/// </summary>
public static class PunchLineParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm",
        "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm", "d-M-yyyy H:mm:ss", "d-M-yyyy H:mm",
    ];

    private static readonly string[] PinHeaders = ["pin", "nip", "ac-no.", "ac-no", "acno", "no.", "no", "userid", "user id", "id", "enroll no", "enrollnumber", "badgenumber", "nomor"];
    private static readonly string[] DateTimeHeaders = ["datetime", "date time", "time", "waktu", "checktime", "check time", "tanggal jam", "timestamp", "tanggal/jam", "date/time"];
    private static readonly string[] DateHeaders = ["date", "tanggal", "tgl"];
    private static readonly string[] ClockHeaders = ["jam", "clock", "hour", "pukul"];

    /// <summary>ATTLOG lines of an ADMS upload: tab-separated, no header, the PIN first and the local time second.</summary>
    public static PunchLineParse ParseAttLog(string body)
    {
        var lines = new List<PunchLine>();
        var errors = new List<PunchLineError>();
        // The machine quotes nothing: a quote in a line is text, never the start of a field running over line breaks.
        using var reader = Open(body, '\t', CsvMode.NoEscape);
        while (reader.Read())
        {
            if (!IsBlank(reader))
            {
                Read(reader, reader.GetString(0), reader.GetString(1), null, lines, errors);
            }
        }
        return new(lines, errors);
    }

    /// <summary>A log file exported from a machine or typed by hand: comma, semicolon or tab separated.</summary>
    public static PunchLineParse ParseFile(string text)
    {
        var lines = new List<PunchLine>();
        var errors = new List<PunchLineError>();
        var delimiter = DetectDelimiter(FirstNonBlankLine(text));
        int pinColumn = 0, timeColumn = 1;
        int? clockColumn = null;
        var first = true;
        using var reader = Open(text, delimiter, CsvMode.Rfc4180);
        while (reader.Read())
        {
            if (IsBlank(reader))
            {
                continue;
            }
            if (first)
            {
                first = false;
                // A first line naming the columns says where the PIN and the time are; without one: PIN, then time.
                var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim().Trim('"').ToLowerInvariant()).ToList();
                var pinAt = header.FindIndex(h => PinHeaders.Contains(h));
                var dateTimeAt = header.FindIndex(h => DateTimeHeaders.Contains(h));
                var dateAt = header.FindIndex(h => DateHeaders.Contains(h));
                var clockAt = header.FindIndex(h => ClockHeaders.Contains(h));
                if (pinAt >= 0 && (dateTimeAt >= 0 || dateAt >= 0))
                {
                    pinColumn = pinAt;
                    timeColumn = dateTimeAt >= 0 ? dateTimeAt : dateAt;
                    clockColumn = dateTimeAt < 0 && clockAt >= 0 ? clockAt : null;
                    continue;
                }
            }
            Read(reader, reader.GetString(pinColumn), reader.GetString(timeColumn),
                clockColumn is int c ? reader.GetString(c) : null, lines, errors);
        }
        return new(lines, errors);
    }

    public static bool TryParseLocal(string text, out DateTime local, out DateTimeOffset? withOffset)
    {
        withOffset = null;
        text = text.Trim().Trim('"');
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local))
        {
            return true;
        }
        if (text.Length > 19 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
        {
            withOffset = offset;
            local = offset.DateTime;
            return true;
        }
        return false;
    }

    private static void Read(CsvReader reader, string pinCell, string timeCell, string? clockCell, List<PunchLine> lines, List<PunchLineError> errors)
    {
        var number = (int)reader.LineNumber;
        var pin = pinCell.Trim().Trim('"').Replace(" ", "", StringComparison.Ordinal);
        if (pin.Length == 0 || pin.Length > 24 || !pin.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(new(number, RawText(reader), pin.Length == 0 ? "PIN/NIP kosong." : $"PIN/NIP '{pin}' tidak sah."));
            return;
        }
        var timeText = timeCell.Trim();
        if (clockCell is not null)
        {
            timeText = timeText + " " + clockCell.Trim();
        }
        if (!TryParseLocal(timeText, out var local, out var withOffset))
        {
            errors.Add(new(number, RawText(reader), timeText.Length == 0 ? "Waktu kosong." : $"Waktu '{timeText}' tidak dikenali (contoh: 2026-11-27 07:45:00)."));
            return;
        }
        lines.Add(new PunchLine(number, pin, local, withOffset));
    }

    // Line numbers count every line of the file, blank ones too, as an editor shows them; a missing column reads as empty.
    private static CsvReader Open(string text, char separator, CsvMode mode) =>
        CsvReader.FromText(text.TrimStart('\uFEFF'), CsvReaderOptions.Default with
        {
            Separator = separator,
            Mode = mode,
            HasHeader = false,
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
        });

    /// <summary>A line of nothing but spaces and tabs is skipped, as an empty one is.</summary>
    private static bool IsBlank(CsvReader reader)
    {
        foreach (var b in reader.RawRecord)
        {
            if (b >= 0x80)
            {
                return RawText(reader).Trim().Length == 0;
            }
            if (!char.IsWhiteSpace((char)b))
            {
                return false;
            }
        }
        return true;
    }

    private static string RawText(CsvReader reader) => Encoding.UTF8.GetString(reader.RawRecord);

    private static string FirstNonBlankLine(string text)
    {
        foreach (var line in text.TrimStart('\uFEFF').AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                return line.ToString();
            }
        }
        return "";
    }

    private static char DetectDelimiter(string line) =>
        line.Contains('\t') ? '\t' : line.Contains(';') ? ';' : ',';
}

/// <summary>Rules every incoming punch obeys, whatever its source.</summary>
public static class PunchRules
{
    /// <summary>Why a punch at <paramref name="atUtc"/> cannot be accepted now, or null when it can.</summary>
    public static string? Reject(DateTime atUtc, DateTime nowUtc, TimeSpan maxAge, TimeSpan futureSkew)
    {
        if (atUtc > nowUtc + futureSkew)
        {
            return "Waktu absen berada di masa depan.";
        }
        if (atUtc < nowUtc - maxAge)
        {
            return $"Waktu absen terlalu lama (lebih dari {(int)maxAge.TotalDays} hari yang lalu).";
        }
        return null;
    }

    /// <summary>Is the punch within the duplicate window of a punch already kept?</summary>
    public static bool IsDuplicate(IEnumerable<DateTime> keptUtc, DateTime atUtc, TimeSpan window) =>
        keptUtc.Any(k => (k - atUtc).Duration() < window);

    /// <summary>The office-local calendar day of an instant: 00:05 WITA is 16:05 UTC the day before.</summary>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>An instant cut to whole seconds, so the same punch sent twice compares equal.</summary>
    public static DateTime TruncateToSecond(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
