using Belu.Portal.Data;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// Incoming letters of the bulk set, OPD by OPD and year by year over <c>years</c> years up to today: each registered
/// in its OPD's book (gap-free agenda numbers, the counter left at the last), addressed to the head, who disposes it
/// to two kepala bidang, one of whom passes it on to a member of staff (three dispositions). Letters older than two
/// months are finished; newer ones are at every stage, a few not yet disposed. The state, the deadline and the access
/// set are computed by the portal's own rules, and the track has the registration and each disposition, so a seeded
/// letter reads in the portal as a registered one.
/// </summary>
internal static class BulkLetters
{
    public sealed record Written(long Letters, long Dispositions, long Grants, long Tracks);

    public static async Task<Written> AddAsync(PortalDbContext db, IReadOnlyList<BulkOpd> opds, int letters, int years, DateOnly today, Action<string> progress)
    {
        long l = 0, d = 0, g = 0, t = 0;
        var perOpdYear = Math.Max(1, letters / (opds.Count * years));
        for (var o = 0; o < opds.Count; o++)
        {
            var opd = opds[o];
            var batch = new Batch();
            for (var y = today.Year - years + 1; y <= today.Year; y++)
            {
                AddYear(batch, opd, y, perOpdYear, today, new Random(o * 10_000 + y));
            }
            l += await ModelBulkWriter.WriteAsync(db, batch.Letters);
            d += await ModelBulkWriter.WriteAsync(db, batch.Dispositions);
            g += await ModelBulkWriter.WriteAsync(db, batch.Grants);
            t += await ModelBulkWriter.WriteAsync(db, batch.Tracks);
            await ModelBulkWriter.WriteAsync(db, batch.Counters);
            progress($"  OPD {o + 1}/{opds.Count}: {l:N0} letters, {d:N0} dispositions");
        }
        return new Written(l, d, g, t);
    }

    private sealed class Batch
    {
        public List<IncomingLetter> Letters { get; } = [];
        public List<Disposition> Dispositions { get; } = [];
        public List<LetterGrant> Grants { get; } = [];
        public List<LetterTrackEntry> Tracks { get; } = [];
        public List<LetterCounter> Counters { get; } = [];
    }

    private static void AddYear(Batch batch, BulkOpd opd, int year, int count, DateOnly today, Random random)
    {
        var first = new DateOnly(year, 1, 2);
        var last = year == today.Year ? today : new DateOnly(year, 12, 30);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var clerk = opd.StaffIds.Length > 0 ? opd.StaffIds[0] : opd.HeadId;
        for (var seq = 1; seq <= count; seq++)
        {
            var received = DateOnly.FromDayNumber(first.DayNumber + (int)((long)(seq - 1) * span / count));
            var registeredUtc = received.ToDateTime(new TimeOnly(0, 30)).AddMinutes(random.Next(0, 480));
            var age = today.DayNumber - received.DayNumber;
            var letter = new IncomingLetter
            {
                UnitId = opd.UnitId,
                AgendaYear = year,
                AgendaSequence = seq,
                AgendaNumber = LetterNumbering.AgendaNumber(seq, year),
                SenderNumber = $"{LettersDemoTexts.Classifications[random.Next(LettersDemoTexts.Classifications.Length)]}/{random.Next(1, 999)}/{year}",
                LetterDate = received.AddDays(-random.Next(0, 5)),
                ReceivedDate = received,
                Sender = LettersDemoTexts.Senders[random.Next(LettersDemoTexts.Senders.Length)],
                Subject = LettersDemoTexts.Subjects[random.Next(LettersDemoTexts.Subjects.Length)],
                Summary = random.Next(3) == 0 ? LettersDemoTexts.Summaries[random.Next(LettersDemoTexts.Summaries.Length)] : null,
                Security = random.Next(50) == 0 ? SecurityClass.Rahasia : SecurityClass.Biasa,
                Urgency = (Urgency)random.Next(0, 3),
                ClassificationCode = LettersDemoTexts.Classifications[random.Next(LettersDemoTexts.Classifications.Length)],
                AddresseeId = opd.HeadId,
                RegisteredById = clerk,
                RegisteredAtUtc = registeredUtc,
                SubmissionId = Guid.NewGuid(),
            };
            batch.Tracks.Add(LetterWrites.Track(letter.Id, registeredUtc, TrackKind.Registered, clerk, "Agendaris", "Surat diregistrasi."));
            if (age > 3 || random.Next(4) != 0)
            {
                letter.AddresseeReadAtUtc = registeredUtc.AddHours(1);
                Dispose(batch, letter, opd, registeredUtc.AddHours(2), received, age, random);
            }
            LetterWrites.RefreshProgress(letter, letter.Dispositions);
            batch.Grants.AddRange(LetterGrants.Of(letter));
            batch.Letters.Add(letter);
        }
        batch.Counters.Add(new LetterCounter { UnitId = opd.UnitId, Year = year, Register = LetterRegister.Incoming, LastSequence = count });
    }

    private static void Dispose(Batch batch, IncomingLetter letter, BulkOpd opd, DateTime atUtc, DateOnly received, int age, Random random)
    {
        var a = random.Next(BulkStaff.BidangPerOpd);
        var b = (a + 1 + random.Next(BulkStaff.BidangPerOpd - 1)) % BulkStaff.BidangPerOpd;
        var deadline = received.AddDays(random.Next(5, 15));
        var first = Edge(letter, null, opd.HeadId, opd.BidangHeadIds[a], opd.BidangIds[a], atUtc, deadline, age, random);
        Edge(letter, null, opd.HeadId, opd.BidangHeadIds[b], opd.BidangIds[b], atUtc, deadline, age, random);
        var staff = Enumerable.Range(0, opd.StaffIds.Length).Where(i => opd.StaffBidang[i] == a).Select(i => opd.StaffIds[i]).ToArray();
        if (staff.Length > 0)
        {
            Edge(letter, first.Id, opd.BidangHeadIds[a], staff[random.Next(staff.Length)], opd.BidangIds[a], atUtc.AddHours(3), deadline, age, random);
        }
        foreach (var disposition in letter.Dispositions)
        {
            batch.Dispositions.Add(disposition);
            batch.Tracks.Add(LetterWrites.Track(letter.Id, disposition.CreatedAtUtc, TrackKind.Disposed, disposition.FromEmployeeId, "Pimpinan",
                "Surat didisposisikan.", disposition.Id));
        }
    }

    private static Disposition Edge(IncomingLetter letter, Guid? parentId, int from, int to, int toUnit, DateTime atUtc, DateOnly deadline, int age, Random random)
    {
        // Two months on, everything is finished; before that, every stage, most of them read.
        var status = age > 60 ? DispositionStatus.Selesai : (DispositionStatus)random.Next(0, 4);
        var disposition = new Disposition
        {
            LetterId = letter.Id,
            ParentId = parentId,
            FromEmployeeId = from,
            ToEmployeeId = to,
            ToUnitId = toUnit,
            Instructions = ["Tindak lanjuti"],
            Deadline = deadline,
            Status = status,
            CreatedAtUtc = atUtc,
            ReadAtUtc = status >= DispositionStatus.Dibaca ? atUtc.AddHours(1) : null,
            ProcessingAtUtc = status >= DispositionStatus.Diproses ? atUtc.AddHours(2) : null,
            FinishedAtUtc = status == DispositionStatus.Selesai ? atUtc.AddDays(random.Next(1, 10)) : null,
            Report = status == DispositionStatus.Selesai ? "Sudah ditindaklanjuti." : null,
        };
        letter.Dispositions.Add(disposition);
        return disposition;
    }
}
