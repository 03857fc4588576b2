using System.Globalization;
using Belu.Portal.Features.ElectronicLetters.Domain;

namespace Belu.Portal.Features.ElectronicLetters;

/// <summary>
/// Turns a draft into the <see cref="LetterDocument"/> the renderer (and the live preview) draws. Number and date stay
/// empty until the letter is signed. A kind's own fields become body blocks: a Surat Tugas names its staff in a table
/// before the body, a Surat Undangan lists day, time, place and agenda after it.
/// </summary>
public static class DraftDocument
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static LetterDocument Build(ElectronicLetterKind kind, DraftContent c, Letterhead kop, SignatureBlock signer,
        DateOnly? date = null, string? number = null, string? verificationUrl = null)
    {
        var body = new List<BodyBlock>();
        if (kind == ElectronicLetterKind.SuratTugas)
        {
            body.Add(new Paragraph("Yang bertanda tangan di bawah ini memberi tugas kepada:"));
            if (c.AssignedStaff.Count > 0)
            {
                body.Add(new SimpleTable(["No.", "Nama", "NIP", "Pangkat/Gol.", "Jabatan"],
                    [.. c.AssignedStaff.Select((s, i) => (IReadOnlyList<string>)[$"{i + 1}.", s.Name, s.Nip ?? "-", s.Rank ?? "-", s.Position ?? ""])]));
            }
            var dates = c.TaskFrom is DateOnly from
                ? c.TaskTo is DateOnly to && to != from ? $"{LongDate(from)} s.d. {LongDate(to)}" : LongDate(from)
                : "…";
            body.Add(new Paragraph($"Untuk: {Or(c.TaskPurpose)}, bertempat di {Or(c.TaskPlace)}, pada tanggal {dates}."));
        }
        body.AddRange(BodyFormat.Parse(c.Body));
        if (kind == ElectronicLetterKind.SuratUndangan)
        {
            body.Add(new SimpleTable(["Hari/tanggal", c.EventDate is DateOnly d ? d.ToString("dddd, d MMMM yyyy", Indonesian) : "…"],
            [
                ["Waktu", Or(c.EventTime)],
                ["Tempat", Or(c.EventPlace)],
                ["Acara", Or(c.EventAgenda)],
            ]));
        }
        return new LetterDocument(kind, c.Paper, kop, string.IsNullOrWhiteSpace(c.Place) ? "Atambua" : c.Place.Trim(), date, number,
            c.Security, c.Urgency, string.IsNullOrWhiteSpace(c.Attachments) ? "-" : c.Attachments.Trim(), c.Subject,
            [.. c.Addressees.Select(a => a.Label)], body, signer, [.. c.Copies.Select(a => a.Label)], verificationUrl);
    }

    /// <summary>"2 Desember 2026", as the place-and-date line and the Surat Tugas write dates.</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? "…" : text.Trim();
}
