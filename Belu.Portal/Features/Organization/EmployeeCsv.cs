using System.Text;
using CsvHelper;

namespace Belu.Portal.Features.Organization;

/// <summary>One data line of an employee import, as read from the file, with what is wrong with it.</summary>
public sealed class EmployeeImportRow
{
    public int Line { get; init; }

    public string? Nip { get; init; }

    public string Name { get; init; } = "";

    public string Position { get; init; } = "";

    public string UnitCode { get; init; } = "";

    public string? SuperiorNip { get; init; }

    public EmploymentType EmploymentType { get; init; }

    /// <summary>WhatsApp number, normalised to 62…; optional column.</summary>
    public string? Phone { get; init; }

    public string? Email { get; init; }

    public List<string> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;
}

public sealed record EmployeeCsvResult(string? FileError, IReadOnlyList<EmployeeImportRow> Rows)
{
    public bool IsValid => FileError is null && Rows.Count > 0 && Rows.All(r => r.IsValid);

    public int ErrorCount => Rows.Count(r => !r.IsValid);
}

/// <summary>
/// Reads an employee list exported from a spreadsheet: UTF-8, separated by semicolons (Indonesian Excel),
/// commas or tabs, with a header row naming the columns. CsvHelper reads the fields (quotes, line breaks in quotes). Checks each line on its own; the database checks
/// (unknown unit, NIP already registered) come after, in <see cref="EmployeeImportService"/>.
/// </summary>
public static class EmployeeCsv
{
    public const int MaxRows = 10_000;

    public const string Template = "NIP;Nama;Jabatan;Kode Unit;NIP Atasan;Jenis;No WhatsApp;Email\n" +
        "198503122010011003;Yohanes Bria, S.Kom.;Pranata Komputer Ahli Pertama;DISKOMINFO-03;;PNS;0812 3456 7890;yohanes.bria@belukab.go.id\n" +
        ";Maria Seran;Tenaga Pendukung Administrasi;DISKOMINFO-01;;Non-ASN;;\n";

    private static readonly Dictionary<string, string> HeaderAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nip"] = "nip",
        ["nama"] = "nama", ["namalengkap"] = "nama", ["namapegawai"] = "nama",
        ["jabatan"] = "jabatan",
        ["kodeunit"] = "unit", ["unit"] = "unit", ["kodeunitkerja"] = "unit", ["unitkerja"] = "unit",
        ["nipatasan"] = "atasan", ["atasan"] = "atasan",
        ["nowhatsapp"] = "hp", ["nomorwhatsapp"] = "hp", ["whatsapp"] = "hp", ["wa"] = "hp", ["nohp"] = "hp", ["nomorhp"] = "hp", ["hp"] = "hp", ["telepon"] = "hp",
        ["email"] = "email", ["surel"] = "email", ["alamatemail"] = "email",
        ["jenis"] = "jenis", ["statuskepegawaian"] = "jenis", ["jeniskepegawaian"] = "jenis", ["status"] = "jenis",
    };

    private static readonly string[] Required = ["nip", "nama", "jabatan", "unit"];

    public static EmployeeCsvResult Parse(byte[] content, int currentYear)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new("Berkas bukan teks UTF-8. Di Excel pilih Simpan Sebagai → \"CSV UTF-8 (dipisahkan koma)\".", []);
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (text.Contains('\0'))
        {
            return new("Berkas bukan CSV (berisi data biner).", []);
        }

        var separator = DetectSeparator(text);
        if (separator is null)
        {
            return new("Berkas kosong.", []);
        }
        using var reader = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        });
        var header = reader.Headers.Select(h => HeaderAliases.GetValueOrDefault(Key(h))).ToList();
        var missing = Required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return new($"Kolom wajib tidak ada: {string.Join(", ", missing.Select(ColumnTitle))}. " +
                "Baris pertama harus berisi judul kolom: NIP; Nama; Jabatan; Kode Unit; (NIP Atasan; Jenis; No WhatsApp; Email).", []);
        }

        var rows = new List<EmployeeImportRow>();
        var seenNip = new Dictionary<string, int>();
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? "").ToList();
            // A line of spaces is as empty as an empty line.
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }
            if (rows.Count >= MaxRows)
            {
                return new($"Berkas berisi lebih dari {MaxRows:N0} baris. Bagi menjadi beberapa berkas.", []);
            }
            var lineNumber = (int)reader.LineNumber;
            string Field(string column)
            {
                var index = header.IndexOf(column);
                return index >= 0 && index < fields.Count ? fields[index].Trim() : "";
            }

            var phoneOk = ContactRules.TryNormalizePhone(Field("hp"), out var phone);
            var emailOk = ContactRules.TryNormalizeEmail(Field("email"), out var email);
            var typeText = Field("jenis");
            var typeOk = EmploymentTypeLabels.TryParse(typeText, out var type);
            var row = new EmployeeImportRow
            {
                Line = lineNumber,
                Nip = Nip.Normalize(Field("nip")),
                Name = Field("nama"),
                Position = Field("jabatan"),
                UnitCode = Field("unit").ToUpperInvariant(),
                SuperiorNip = Nip.Normalize(Field("atasan")),
                EmploymentType = type,
                Phone = phone,
                Email = email,
            };
            if (!phoneOk)
            {
                row.Errors.Add($"Nomor WhatsApp \"{Field("hp")}\" tidak sah (contoh 0812 3456 7890).");
            }
            if (!emailOk)
            {
                row.Errors.Add($"E-mail \"{Field("email")}\" tidak sah.");
            }
            if (fields.Count > header.Count)
            {
                row.Errors.Add($"Jumlah kolom ({fields.Count}) lebih banyak dari judul ({header.Count}); periksa pemisah atau tanda kutip.");
            }
            if (!typeOk)
            {
                row.Errors.Add($"Jenis kepegawaian \"{typeText}\" tidak dikenal (PNS, PPPK, Non-ASN).");
            }
            var input = new EmployeeInput { Nip = row.Nip, Name = row.Name, Position = row.Position, EmploymentType = type, UnitId = 1 };
            row.Errors.AddRange(EmployeeRules.Validate(input, currentYear).Values);
            if (row.UnitCode.Length == 0)
            {
                row.Errors.Add("Kode unit wajib diisi.");
            }
            if (row.SuperiorNip is not null && !Nip.TryParse(row.SuperiorNip, currentYear, out _, out var superiorError))
            {
                row.Errors.Add("NIP atasan tidak sah: " + superiorError);
            }
            if (row.Nip is not null)
            {
                if (seenNip.TryGetValue(row.Nip, out var firstLineOfNip))
                {
                    row.Errors.Add($"NIP {row.Nip} sudah ada di baris {firstLineOfNip}.");
                }
                else
                {
                    seenNip[row.Nip] = lineNumber;
                }
            }
            rows.Add(row);
        }
        return rows.Count == 0 ? new("Berkas tidak berisi data pegawai (hanya judul kolom).", []) : new(null, rows);
    }

    private static string Key(string header) =>
        new(header.Trim().Trim('"').Where(char.IsLetterOrDigit).ToArray());

    private static string ColumnTitle(string key) => key switch
    {
        "nip" => "NIP",
        "nama" => "Nama",
        "jabatan" => "Jabatan",
        "unit" => "Kode Unit",
        _ => key,
    };

    /// <summary>The separator of the first non-empty line (the header), or null for a file without one.</summary>
    private static char? DetectSeparator(string text)
    {
        var headerLine = text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Trim().Length > 0);
        if (headerLine is null)
        {
            return null;
        }
        char[] candidates = [';', '\t', ','];
        return candidates.OrderByDescending(c => headerLine.Count(x => x == c)).First();
    }
}
