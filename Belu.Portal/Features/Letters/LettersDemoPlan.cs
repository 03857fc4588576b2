using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Features.Letters.Domain;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Features.Letters;

/// <summary>Builds the demo letters in memory: dates, senders, dispositions down the tree, reports and tracks, consistent with the rules.</summary>
internal sealed class Plan(
    Random random, OfficeClock clock, int unitId, Employee kadis, int agendarisId, int? pegawaiId,
    List<(Unit Unit, Employee Head)> heads, Dictionary<int, List<Employee>> staffOf, List<Employee> employees, StoredFile scan)
{
    private readonly Dictionary<int, int> _incoming = [];
    private readonly Dictionary<int, int> _outgoing = [];
    private readonly DateTime _now = clock.UtcNow;

    public List<IncomingLetter> Letters { get; } = [];

    public List<LetterTrackEntry> Track { get; } = [];

    public List<LetterFile> Files { get; } = [];

    public List<OutgoingLetter> Outgoing { get; } = [];

    private readonly Dictionary<int, string> _names = employees.ToDictionary(e => e.Id, e => e.Name);

    /// <summary>The "finished" track line of each disposition, to move it when a child finishes later (no scans: the benchmark plans 100,000 letters).</summary>
    private readonly Dictionary<Guid, LetterTrackEntry> _finishedLines = [];

    private string Name(int id) => _names.GetValueOrDefault(id, "");

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private DateTime At(DateOnly day, int hour, int minute)
    {
        var utc = clock.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)));
        return utc < _now ? utc : _now.AddMinutes(-random.Next(1, 30));
    }

    private DateTime Later(DateTime t, int minMinutes, int maxMinutes)
    {
        var later = t.AddMinutes(random.Next(minMinutes, maxMinutes));
        return later < _now ? later : (t < _now ? t.AddSeconds((_now - t).TotalSeconds / 2) : t);
    }

    public void Build(int incoming, int outgoing)
    {
        var today = clock.Today;
        foreach (var received in Enumerable.Range(0, incoming).Select(_ => today.AddDays(-random.Next(0, 150))).Order())
        {
            AddIncoming(received, today);
        }
        foreach (var date in Enumerable.Range(0, outgoing).Select(_ => today.AddDays(-random.Next(0, 150))).Order())
        {
            AddOutgoing(date, today);
        }
    }

    public IEnumerable<LetterCounter> Counters() =>
        _incoming.Select(c => new LetterCounter { UnitId = unitId, Year = c.Key, Register = LetterRegister.Incoming, LastSequence = c.Value })
            .Concat(_outgoing.Select(c => new LetterCounter { UnitId = unitId, Year = c.Key, Register = LetterRegister.Outgoing, LastSequence = c.Value }));

    private void AddIncoming(DateOnly received, DateOnly today)
    {
        var year = received.Year;
        var sequence = _incoming[year] = _incoming.GetValueOrDefault(year) + 1;
        var registered = At(received, 8 + random.Next(0, 6), random.Next(60));
        var sekretaris = heads[0].Head;
        var addressee = random.Next(100) < 90 ? kadis : sekretaris;
        var r = random.Next(100);
        var security = r < 80 ? SecurityClass.Biasa : r < 92 ? SecurityClass.Terbatas : r < 98 ? SecurityClass.Rahasia : SecurityClass.SangatRahasia;
        var u = random.Next(100);
        var letter = new IncomingLetter
        {
            UnitId = unitId,
            AgendaYear = year,
            AgendaSequence = sequence,
            AgendaNumber = LetterNumbering.AgendaNumber(sequence, year),
            SenderNumber = $"{Pick(LettersDemoTexts.Classifications)}/{random.Next(10, 999)}/{Pick(["SETDA", "DKI", "BPS", "KOMDIGI", "BSSN", "BKN", "KEC"])}/{year}",
            LetterDate = received.AddDays(-random.Next(0, 7)),
            ReceivedDate = received,
            Sender = Pick(LettersDemoTexts.Senders),
            Subject = Pick(LettersDemoTexts.Subjects),
            Summary = random.Next(100) < 80 ? Pick(LettersDemoTexts.Summaries) : null,
            Security = security,
            Urgency = u < 70 ? Urgency.Biasa : u < 92 ? Urgency.Segera : Urgency.SangatSegera,
            ClassificationCode = Pick(LettersDemoTexts.Classifications),
            AddresseeId = addressee.Id,
            RegisteredById = agendarisId,
            RegisteredAtUtc = registered,
            SubmissionId = Guid.NewGuid(),
        };
        Letters.Add(letter);
        Files.Add(LetterFiles.NewFile(scan, agendarisId, registered, letterId: letter.Id));
        Add(letter, registered, TrackKind.Registered, agendarisId,
            LetterWrites.Sentence($"Diregistrasi dengan nomor agenda {letter.AgendaNumber} dan disampaikan kepada {addressee.Name}"));

        if (random.Next(100) < 10)
        {
            var holder = Pick(heads).Head;
            var copy = new LetterCopy { LetterId = letter.Id, EmployeeId = holder.Id, UnitId = holder.UnitId };
            if (random.Next(2) == 0)
            {
                copy.ReadAtUtc = Later(registered, 60, 600);
            }
            if (holder.Id != addressee.Id)
            {
                letter.Copies.Add(copy);
            }
        }

        var age = today.DayNumber - received.DayNumber;
        var roll = random.Next(100);
        var outcome = age <= 3 ? (roll < 50 ? Outcome.NotDisposed : Outcome.InProgress)
            : roll < 8 ? Outcome.NotDisposed : roll < 33 ? Outcome.InProgress : roll < 48 ? Outcome.Overdue : Outcome.Done;
        if (outcome == Outcome.NotDisposed)
        {
            if (random.Next(2) == 0)
            {
                letter.AddresseeReadAtUtc = Later(registered, 30, 240);
                Add(letter, letter.AddresseeReadAtUtc.Value, TrackKind.Opened, addressee.Id, "Surat dibuka oleh penerima (tujuan surat).");
            }
            LetterWrites.RefreshProgress(letter, letter.Dispositions);
            return;
        }

        var opened = Later(registered, 30, 240);
        letter.AddresseeReadAtUtc = opened;
        Add(letter, opened, TrackKind.Opened, addressee.Id, "Surat dibuka oleh penerima (tujuan surat).");
        var disposedAt = Later(opened, 10, 180);
        DateOnly? deadline = outcome switch
        {
            Outcome.Overdue => DateOnly.FromDateTime(clock.ToLocal(disposedAt)).AddDays(random.Next(2, 8)) is var d && d < today ? d : today.AddDays(-1),
            Outcome.InProgress => random.Next(100) < 70 ? today.AddDays(random.Next(0, 15)) : null,
            _ => random.Next(100) < 60 ? DateOnly.FromDateTime(clock.ToLocal(disposedAt)).AddDays(random.Next(3, 10)) : null,
        };
        var instructions = DispositionInstruction.Defaults.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();

        var recipients = addressee.Id == kadis.Id
            ? heads.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(h => (h.Head, Unit: (Unit?)(random.Next(3) == 0 ? h.Unit : null))).ToList()
            : staffOf.GetValueOrDefault(addressee.Id, []).OrderBy(_ => random.Next()).Take(1).Select(e => (Head: e, Unit: (Unit?)null)).ToList();
        foreach (var (recipient, unit) in recipients)
        {
            var root = Dispose(letter, null, addressee.Id, recipient, unit, instructions, deadline, disposedAt, outcome);
            var canForward = root.Status is DispositionStatus.Diproses or DispositionStatus.Selesai;
            var staff = staffOf.GetValueOrDefault(recipient.Id, []);
            if (canForward && staff.Count > 0 && random.Next(100) < 60)
            {
                var target = pegawaiId is int p && staff.Any(s => s.Id == p) && random.Next(100) < 70 ? staff.First(s => s.Id == p) : Pick(staff);
                var childOutcome = root.Status == DispositionStatus.Selesai ? Outcome.Done : outcome;
                var child = Dispose(letter, root, recipient.Id, target, null, [Pick(["Tindak Lanjuti", "Siapkan Jawaban", "Untuk Diproses", "Laporkan Hasilnya"])],
                    deadline, Later(root.ProcessingAtUtc ?? disposedAt, 20, 240), childOutcome);
                if (root.Status == DispositionStatus.Selesai && child.FinishedAtUtc > root.FinishedAtUtc)
                {
                    root.FinishedAtUtc = Later(child.FinishedAtUtc.Value, 10, 120);
                    _finishedLines[root.Id].AtUtc = root.FinishedAtUtc.Value;
                }
            }
        }
        LetterWrites.RefreshProgress(letter, letter.Dispositions);
    }

    private enum Outcome
    {
        NotDisposed,
        InProgress,
        Overdue,
        Done,
    }

    private Disposition Dispose(IncomingLetter letter, Disposition? parent, int fromId, Employee to, Unit? unit, List<string> instructions,
        DateOnly? deadline, DateTime at, Outcome outcome)
    {
        var status = outcome switch
        {
            Outcome.Done => DispositionStatus.Selesai,
            _ => Pick([DispositionStatus.Baru, DispositionStatus.Dibaca, DispositionStatus.Diproses, DispositionStatus.Diproses]),
        };
        var d = new Disposition
        {
            LetterId = letter.Id,
            ParentId = parent?.Id,
            FromEmployeeId = fromId,
            ToEmployeeId = to.Id,
            ToUnitId = unit?.Id ?? to.UnitId,
            ToWholeUnit = unit is not null,
            Instructions = instructions,
            Note = random.Next(100) < 40 ? Pick(["Segera.", "Koordinasikan dengan bidang terkait.", "Laporkan hasilnya kepada saya.", "Hadiri dan wakili saya."]) : null,
            Deadline = deadline,
            Status = status,
            CreatedAtUtc = at,
        };
        letter.Dispositions.Add(d);
        var toText = unit is null ? to.Name : $"{unit.Name} (diterima {to.Name})";
        Add(letter, at, parent is null ? TrackKind.Disposed : TrackKind.Forwarded, fromId,
            $"{(parent is null ? "Didisposisikan" : "Diteruskan")} kepada {toText}: {string.Join(", ", instructions)}."
            + (deadline is DateOnly dl ? $" Batas waktu {dl:dd MMM yyyy}." : "") + (d.Note is null ? "" : $" Catatan: {d.Note}"), d.Id);
        if (status == DispositionStatus.Baru)
        {
            MarkLate(letter, d);
            return d;
        }
        d.ReadAtUtc = Later(at, 15, 300);
        Add(letter, d.ReadAtUtc.Value, TrackKind.Read, to.Id, $"Disposisi dari {Name(fromId)} dibaca.", d.Id);
        if (status == DispositionStatus.Dibaca)
        {
            MarkLate(letter, d);
            return d;
        }
        d.ProcessingAtUtc = Later(d.ReadAtUtc.Value, 10, 240);
        Add(letter, d.ProcessingAtUtc.Value, TrackKind.Processing, to.Id, "Disposisi sedang diproses.", d.Id);
        if (status == DispositionStatus.Diproses)
        {
            MarkLate(letter, d);
            return d;
        }
        d.FinishedAtUtc = Later(d.ProcessingAtUtc.Value, 120, 60 * 24 * 4);
        d.Report = Pick(LettersDemoTexts.Reports);
        var withFile = random.Next(100) < 20;
        if (withFile)
        {
            Files.Add(LetterFiles.NewFile(scan, to.Id, d.FinishedAtUtc.Value, letterId: letter.Id, dispositionId: d.Id));
        }
        Add(letter, d.FinishedAtUtc.Value, TrackKind.Finished, to.Id,
            $"Disposisi diselesaikan. Laporan tindak lanjut: {d.Report}{(withFile ? " (lampiran pindaian-surat.pdf)" : "")}", d.Id);
        return d;
    }

    /// <summary>Seeded late dispositions count as already announced, so a fresh demo does not flood the bells.</summary>
    private void MarkLate(IncomingLetter letter, Disposition d)
    {
        if (d.Deadline is DateOnly deadline && LetterStateRules.IsOverdue(d.Status, deadline, clock.Today))
        {
            d.DeadlineNotifiedAtUtc = At(deadline.AddDays(1), 0, 5);
            Add(letter, d.DeadlineNotifiedAtUtc.Value, TrackKind.DeadlinePassed, null,
                $"Batas waktu disposisi kepada {Name(d.ToEmployeeId)} ({deadline:dd MMM yyyy}) terlewati; disposisi belum selesai.", d.Id);
        }
    }

    private void Add(IncomingLetter letter, DateTime at, TrackKind kind, int? actorId, string text, Guid? dispositionId = null)
    {
        var line = LetterWrites.Track(letter.Id, at, kind, actorId, actorId is int id ? Name(id) : "Sistem", text, dispositionId);
        Track.Add(line);
        if (kind == TrackKind.Finished && dispositionId is Guid finished)
        {
            _finishedLines[finished] = line;
        }
    }

    /// <summary>"Undangan Rapat SPBE" → "undangan Rapat SPBE": only the first letter, acronyms stay.</summary>
    private static string LowerFirst(string text) => char.ToLowerInvariant(text[0]) + text[1..];

    private void AddOutgoing(DateOnly date, DateOnly today)
    {
        var year = date.Year;
        var sequence = _outgoing[year] = _outgoing.GetValueOrDefault(year) + 1;
        var classification = Pick(LettersDemoTexts.Classifications);
        var unitCode = "DISKOMINFO";
        var created = At(date, 9 + random.Next(0, 6), random.Next(60));
        var sent = random.Next(100) < 85 ? date.AddDays(random.Next(0, 3)) : (DateOnly?)null;
        if (sent > today)
        {
            sent = today;
        }
        var letter = new OutgoingLetter
        {
            UnitId = unitId,
            Year = year,
            Sequence = sequence,
            Number = LetterNumbering.OutgoingNumber(classification, sequence, unitCode, year),
            ClassificationCode = classification,
            LetterDate = date,
            Subject = Pick(["Jawaban atas ", "Tanggapan atas ", "Penyampaian "]) + LowerFirst(Pick(LettersDemoTexts.Subjects)),
            Summary = random.Next(2) == 0 ? Pick(LettersDemoTexts.Summaries) : null,
            Security = random.Next(100) < 92 ? SecurityClass.Biasa : SecurityClass.Terbatas,
            Addressees = Pick(LettersDemoTexts.Senders),
            Copies = random.Next(2) == 0 ? "Bupati Belu (sebagai laporan)\nSekretaris Daerah Kabupaten Belu" : null,
            SignerId = random.Next(100) < 85 ? kadis.Id : heads[0].Head.Id,
            SentDate = sent,
            CreatedById = agendarisId,
            CreatedAtUtc = created,
            SubmissionId = Guid.NewGuid(),
        };
        Outgoing.Add(letter);
        if (sent is not null)
        {
            Files.Add(LetterFiles.NewFile(scan, agendarisId, created, outgoingId: letter.Id));
        }
    }
}
