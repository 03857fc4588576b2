using System.ComponentModel.DataAnnotations;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.Letters;

/// <summary>A file handed to a service: its name as uploaded and its content.</summary>
public sealed record FileUpload(string FileName, Stream Content);

/// <summary>The registration form of an incoming letter. The service validates it again.</summary>
public sealed class IncomingLetterInput
{
    /// <summary>Identifies one open form: submitting it twice registers one letter.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    [Required(ErrorMessage = "Nomor surat wajib diisi."), MaxLength(100)]
    public string? SenderNumber { get; set; }

    [Required(ErrorMessage = "Tanggal surat wajib diisi.")]
    public DateOnly? LetterDate { get; set; }

    [Required(ErrorMessage = "Tanggal diterima wajib diisi.")]
    public DateOnly? ReceivedDate { get; set; }

    [Required(ErrorMessage = "Asal surat wajib diisi."), MaxLength(200)]
    public string? Sender { get; set; }

    [Required(ErrorMessage = "Perihal wajib diisi."), MaxLength(500)]
    public string? Subject { get; set; }

    public SecurityClass Security { get; set; }

    public Urgency Urgency { get; set; }

    [Required(ErrorMessage = "Kode klasifikasi wajib diisi."), MaxLength(20)]
    public string? ClassificationCode { get; set; }

    [MaxLength(4000)]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Tujuan surat (pimpinan) wajib dipilih.")]
    public int? AddresseeId { get; set; }

    public List<int> CopyEmployeeIds { get; set; } = [];

    public List<int> CopyUnitIds { get; set; } = [];
}

/// <summary>Which slice of the letters a list shows; the dashboard's counters link to these.</summary>
public enum LetterBox
{
    /// <summary>Everything the caller may see.</summary>
    Semua = 0,
    /// <summary>Addressed to the caller.</summary>
    UntukSaya,
    /// <summary>Addressed to the caller and not opened yet.</summary>
    BelumDibaca,
    /// <summary>Addressed to the caller and not disposed yet.</summary>
    BelumDisposisi,
    /// <summary>The caller disposed it and a recipient has not read it.</summary>
    DisposisiBelumDibaca,
    /// <summary>The caller disposed it and a recipient read it but has not finished.</summary>
    BelumDitindaklanjuti,
    /// <summary>Late: a deadline passed unfinished.</summary>
    Terlambat,
    /// <summary>Copies (tembusan) to the caller.</summary>
    Tembusan,
    /// <summary>Copies to the caller not read yet.</summary>
    TembusanBelumDibaca,
}

public sealed record LetterQuery(
    LetterBox Box = LetterBox.Semua,
    string? Text = null,
    LetterState? State = null,
    SecurityClass? Security = null,
    Urgency? Urgency = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sender = null,
    int? UnitId = null,
    DateOnly? DeadlineBefore = null,
    int Skip = 0,
    int Take = 25);

public sealed record LetterRow(
    Guid Id, string AgendaNumber, string SenderNumber, DateOnly LetterDate, DateOnly ReceivedDate, string Sender,
    string Subject, SecurityClass Security, Urgency Urgency, LetterState State, DateOnly? OpenDeadline,
    string AddresseeName, string UnitName, bool IsCopy = false);

public sealed record FileRef(Guid Id, string FileName, string ContentType, long Length);

public sealed record CopyRef(string Name, string Position, string? UnitName, DateTime? ReadAtUtc);

public sealed record DispositionView(
    Guid Id, Guid? ParentId, PersonRef From, PersonRef To, string ToUnitName, bool ToWholeUnit,
    IReadOnlyList<string> Instructions, string? Note, DateOnly? Deadline, DispositionStatus Status,
    DateTime CreatedAtUtc, DateTime? ReadAtUtc, DateTime? FinishedAtUtc, string? Report, FileRef? ReportFile, bool Overdue,
    bool IsMine, bool CanCancel, bool CanForward, bool CanProcess, bool CanFinish, Guid Version, ActingSigner? ActedBy = null)
{
    /// <summary>Who gave it, as the tree and the sheet print it: "Nama (Plh. Kepala Dinas …)" when an acting official did.</summary>
    public string FromLabel => ActedBy is { } a ? $"{a.Name} ({a.Capacity})" : From.Name;
}

/// <summary>An acting official as he acted that day: capacity ("Plh. Kepala Dinas …"), own name and NIP.</summary>
public sealed record ActingSigner(string Capacity, string Name, string? Nip);

public sealed record TrackLine(DateTime AtUtc, TrackKind Kind, string ActorName, string Text);

public sealed record LetterDetail(
    Guid Id, string AgendaNumber, int UnitId, string UnitName, string UnitCode, string SenderNumber, DateOnly LetterDate,
    DateOnly ReceivedDate, string Sender, string Subject, string? Summary, SecurityClass Security, Urgency Urgency,
    string ClassificationCode, PersonRef Addressee, PersonRef RegisteredBy, DateTime RegisteredAtUtc,
    LetterState State, LetterRelation Relation, IReadOnlyList<FileRef> Files, IReadOnlyList<CopyRef> Copies,
    IReadOnlyList<DispositionView> Dispositions, IReadOnlyList<TrackLine> Track, bool CanDispose, Guid Version, bool IsCopy = false)
{
    /// <summary>The caller's own dispositions that still wait for work.</summary>
    public IEnumerable<DispositionView> MyOpen => Dispositions.Where(d => d.IsMine && d.Status.IsOpen());
}

/// <summary>What the tanda terima shows; the subject stays off the slip of a secret letter.</summary>
public sealed record LetterReceipt(
    string AgendaNumber, string UnitName, string SenderNumber, DateOnly LetterDate, DateOnly ReceivedDate, string Sender,
    string? Subject, SecurityClass Security, Urgency Urgency, string AddresseeName, string AddresseePosition,
    string RegisteredByName, DateTime RegisteredAtUtc, int FileCount);

/// <summary>The leader's counters (docs/domain/letters.md, "The leader's counters"), each the size of a <see cref="LetterBox"/>.</summary>
public sealed record LetterDashboard(
    int Unread, int NotDisposed, int DispositionsUnread, int NotFollowedUp, int Overdue, int CopiesUnread,
    int InScope, int InProgress, int Done, int MyOpenDispositions);

public sealed record RegistrationOptions(
    string UnitName, IReadOnlyList<PersonRef> Addressees, IReadOnlyList<PersonRef> People, IReadOnlyList<UnitOption> Units);

public sealed record UnitOption(int Id, string Name, string Path, string? HeadName);
