using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.ElectronicLetters;
using Belu.Portal.Features.ElectronicLetters.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Belu.Portal.Features.Attendance.Leave.Pdf;

/// <summary>
/// The leave form of the annex of Peraturan BKN 24/2017 (formulir permintaan dan pemberian cuti) as a PDF on A4, filled
/// from the request and both decisions and left blank where a hand signs. Drawn with the portal's own fonts
/// (<see cref="LetterFonts"/>), so it prints the same everywhere; its text is real text.
/// </summary>
public sealed class LeaveFormPdf
{
    private const double Size = 9;
    private const double Pad = 3;
    private static readonly double Left = XUnit.FromCentimeter(2).Point;
    private static readonly double Top = XUnit.FromCentimeter(1.5).Point;
    private static readonly double Bottom = XUnit.FromCentimeter(1.5).Point;
    private static readonly XPen Border = new(XColors.Black, 0.6);

    /// <summary>The tick of a chosen box: "√" is in Liberation Sans (WGL4), "✓" is not.</summary>
    public const string Tick = "√";

    private readonly XFont _font;
    private readonly XFont _bold;
    private PdfDocument _document = null!;
    private XGraphics _gfx = null!;
    private double _width;
    private double _y;

    public LeaveFormPdf()
    {
        LetterFonts.Install();
        _font = new XFont(LetterFonts.Sans, Size);
        _bold = new XFont(LetterFonts.Sans, Size, XFontStyleEx.Bold);
    }

    public byte[] Render(LeaveForm f, DateOnly dated, string place = "Atambua")
    {
        ArgumentNullException.ThrowIfNull(f);
        using var document = new PdfDocument();
        document.Info.Title = $"Formulir Cuti {f.Employee.Name}";
        document.Info.Creator = "Belu.Portal";
        _document = document;
        NewPage();
        try
        {
            Corner(["ANAK LAMPIRAN I.b", "PERATURAN BADAN KEPEGAWAIAN NEGARA", "NOMOR 24 TAHUN 2017", "TENTANG TATA CARA PEMBERIAN CUTI PNS"]);
            _y += Size / 2;
            Corner([$"{place}, {IndonesianDate.Format(dated)}", "Kepada Yth.", f.Grantor?.Position ?? "Pejabat yang berwenang memberikan cuti", $"di {place}"]);
            _y += Size / 2;
            Centred("FORMULIR PERMINTAAN DAN PEMBERIAN CUTI");
            Draw(f);
        }
        finally
        {
            _gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>A4; the form fits one page, but long notes or names move what does not fit to the next.</summary>
    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        _gfx = XGraphics.FromPdfPage(page);
        _width = page.Width.Point - 2 * Left;
        _y = Top;
    }

    private void Ensure(double height)
    {
        if (_y + height > XUnit.FromMillimeter(297).Point - Bottom)
        {
            NewPage();
        }
    }

    private void Draw(LeaveForm f)
    {
        var q = _width / 4;
        Section("I. DATA PEGAWAI");
        Row(("Nama", q * 0.8, false), (f.Employee.Name, q * 1.4, false), ("NIP", q * 0.5, false), (f.Employee.Nip ?? "—", q * 1.3, false));
        Row(("Jabatan", q * 0.8, false), (f.Employee.Position, q * 1.4, false), ("Masa kerja", q * 0.5, false), (ServiceText(f.ServiceStart, f.From), q * 1.3, false));
        Row(("Unit kerja", q * 0.8, false), ($"{f.UnitName} ({f.EmploymentType})", q * 3.2, false));

        Section("II. JENIS CUTI YANG DIAMBIL");
        var kinds = Enum.GetValues<LeaveKind>();
        foreach (var pair in kinds.Chunk(2))
        {
            var cells = new List<(string, double, bool)>();
            foreach (var kind in pair)
            {
                cells.Add(($"{Array.IndexOf(kinds, kind) + 1}. {kind.Label()}", q * 1.7, false));
                cells.Add((kind == f.Kind ? Tick : "", q * 0.3, true));
            }
            if (pair.Length == 1)
            {
                cells.Add(("", q * 2, false));
            }
            Row([.. cells]);
        }

        Section("III. ALASAN CUTI");
        Row((f.Reason, _width, false));

        Section("IV. LAMANYA CUTI");
        Row(("Selama", q * 0.6, false), ($"{f.WorkingDays} hari kerja", q * 1.0, false), ("mulai tanggal", q * 0.8, false),
            (f.From.ToString("dd/MM/yyyy"), q * 0.7, false), ("s.d.", q * 0.3, false), (f.To.ToString("dd/MM/yyyy"), q * 0.6, false));

        Section("V. CATATAN CUTI (cuti tahunan)");
        var b = f.Balance;
        Row(("Tahun", q * 1.2, true), ("Sisa", q * 0.8, true), ("Keterangan", q * 2, true));
        Row(($"N-2 ({b.Year - 2})", q * 1.2, false), ($"{b.LeftN2}", q * 0.8, false), ($"hak {b.RightN2} hari kerja", q * 2, false));
        Row(($"N-1 ({b.Year - 1})", q * 1.2, false), ($"{b.LeftN1}", q * 0.8, false), ($"hak {b.RightN1} hari kerja", q * 2, false));
        Row(($"N ({b.Year})", q * 1.2, false), ($"{b.LeftN}", q * 0.8, false), ($"hak {b.RightN} hari kerja", q * 2, false));

        Section("VI. ALAMAT SELAMA MENJALANKAN CUTI");
        Row((f.Address ?? "—", q * 2.4, false), ("Telp.", q * 0.4, false), (f.Phone ?? "—", q * 1.2, false));
        Signature(q, "Hormat saya,", new LeaveFormPerson(f.Employee.Name, f.Employee.Nip, ""));

        Answers("VII. PERTIMBANGAN ATASAN LANGSUNG", f.Consideration, f.ConsiderationNote);
        Signature(q, f.ConsideredAs ?? f.Superior?.Position ?? "Atasan langsung", f.Superior);
        Answers("VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI", f.Decision, f.DecisionNote);
        Signature(q, f.DecidedAs ?? f.Grantor?.Position ?? "Pejabat yang berwenang", f.Grantor);
    }

    private void Answers(string title, LeaveConsideration? chosen, string? note)
    {
        Section(title);
        var answers = Enum.GetValues<LeaveConsideration>();
        var w = _width / answers.Length;
        Row([.. answers.Select(a => ($"{a.Label().ToUpperInvariant()}{(chosen == a ? "  " + Tick : "")}", w, chosen == a))]);
        if (!string.IsNullOrWhiteSpace(note))
        {
            Row(($"Catatan: {note}", _width, false));
        }
    }

    /// <summary>The signing box at the right: the capacity, room for the hand, the name and NIP.</summary>
    private void Signature(double q, string capacity, LeaveFormPerson? person)
    {
        var x = Left + q * 2.4;
        var w = q * 1.6;
        var lines = new List<string>();
        lines.AddRange(Wrap(capacity, _font, w - 2 * Pad));
        var line = _font.Size * 1.2;
        var height = Pad + lines.Count * line + line * 2.5 + line * 2 + Pad;
        Ensure(height);
        var top = _y;
        _gfx.DrawRectangle(Border, Left, top, _width, height);
        var y = top + Pad;
        foreach (var l in lines)
        {
            _gfx.DrawString(l, _font, XBrushes.Black, x + Pad, y, XStringFormats.TopLeft);
            y += line;
        }
        y += line * 2.5;
        _gfx.DrawString(person?.Name ?? "", _bold, XBrushes.Black, x + Pad, y, XStringFormats.TopLeft);
        _gfx.DrawString($"NIP {person?.Nip ?? "—"}", _font, XBrushes.Black, x + Pad, y + line, XStringFormats.TopLeft);
        _y = top + height;
    }

    private void Section(string title)
    {
        var h = _bold.Size * 1.2 + 2 * Pad;
        // A section's title never ends a page alone.
        Ensure(h + 2 + _font.Size * 1.2 + 2 * Pad);
        _y += 2;
        _gfx.DrawRectangle(Border, XBrushes.LightGray, Left, _y, _width, h);
        _gfx.DrawString(title, _bold, XBrushes.Black, Left + Pad, _y + Pad, XStringFormats.TopLeft);
        _y += h;
    }

    /// <summary>A row of bordered cells, each wrapped to its width; the row is as tall as its tallest cell.</summary>
    private void Row(params (string Text, double Width, bool Bold)[] cells)
    {
        var wrapped = cells.Select(c => Wrap(c.Text, c.Bold ? _bold : _font, c.Width - 2 * Pad)).ToList();
        var line = _font.Size * 1.2;
        var h = wrapped.Max(w => Math.Max(1, w.Count)) * line + 2 * Pad;
        Ensure(h);
        var x = Left;
        for (var i = 0; i < cells.Length; i++)
        {
            _gfx.DrawRectangle(Border, x, _y, cells[i].Width, h);
            var y = _y + Pad;
            foreach (var l in wrapped[i])
            {
                _gfx.DrawString(l, cells[i].Bold ? _bold : _font, XBrushes.Black, x + Pad, y, XStringFormats.TopLeft);
                y += line;
            }
            x += cells[i].Width;
        }
        _y += h;
    }

    private List<string> Wrap(string text, XFont font, double width) =>
        string.IsNullOrEmpty(text) ? [] : TextLayout.Wrap(_gfx, text, font, width).Select(l => string.Join(' ', l.Words)).ToList();

    private void Corner(string[] lines)
    {
        var x = Left + _width * 0.55;
        foreach (var l in lines)
        {
            _gfx.DrawString(l, _font, XBrushes.Black, x, _y, XStringFormats.TopLeft);
            _y += _font.Size * 1.2;
        }
    }

    private void Centred(string text)
    {
        var font = new XFont(LetterFonts.Sans, 11, XFontStyleEx.Bold);
        var w = _gfx.MeasureString(text, font).Width;
        _gfx.DrawString(text, font, XBrushes.Black, Left + (_width - w) / 2, _y, XStringFormats.TopLeft);
        _y += font.Size * 1.4;
    }

    /// <summary>Years and months of service at the leave's start, from the TMT read from the NIP.</summary>
    public static string ServiceText(DateOnly? start, DateOnly at)
    {
        if (start is not DateOnly s)
        {
            return "—";
        }
        var months = Math.Max(0, (at.Year - s.Year) * 12 + at.Month - s.Month);
        return $"{months / 12} tahun {months % 12} bulan";
    }
}
