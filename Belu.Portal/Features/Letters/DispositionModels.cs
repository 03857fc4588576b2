using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.Letters;

/// <summary>A recipient the caller may choose: a subordinate, or a unit below the caller held by its head.</summary>
public sealed record RecipientOption(string Key, int Id, bool IsUnit, string Name, string Detail);

/// <summary>What the disposition form offers, and the version of what it disposes (letter or parent disposition).</summary>
public sealed record DispositionForm(
    Guid LetterId, Guid? ParentId, string AgendaNumber, string Subject, IReadOnlyList<RecipientOption> Recipients,
    IReadOnlyList<string> Instructions, DateOnly Today, Guid Version);

/// <summary>The disposition form's input. <see cref="Version"/> is what the form was opened on.</summary>
public sealed class DispositionInput
{
    public Guid? ParentId { get; set; }

    public List<int> EmployeeIds { get; set; } = [];

    public List<int> UnitIds { get; set; } = [];

    public List<string> Instructions { get; set; } = [];

    public string? Note { get; set; }

    public DateOnly? Deadline { get; set; }

    public Guid Version { get; set; }

    /// <summary>The same checks the service makes that need no database; the form shows them at once.</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (EmployeeIds.Count + UnitIds.Count == 0)
        {
            errors[nameof(EmployeeIds)] = "Pilih minimal satu penerima disposisi.";
        }
        if (Instructions.Count == 0)
        {
            errors[nameof(Instructions)] = "Pilih minimal satu instruksi.";
        }
        if (Deadline is DateOnly d && d < today)
        {
            errors[nameof(Deadline)] = "Batas waktu tidak boleh sebelum hari ini.";
        }
        if (Note?.Length > 2000)
        {
            errors[nameof(Note)] = "Catatan paling banyak 2000 karakter.";
        }
        return errors;
    }
}

public sealed record MyDispositionQuery(DispositionStatus? Status = null, bool OverdueOnly = false, bool Sent = false, int Skip = 0, int Take = 25);

public sealed record MyDispositionRow(
    Guid Id, Guid LetterId, string AgendaNumber, string Subject, string Sender, string FromName, string ToName,
    IReadOnlyList<string> Instructions, DateOnly? Deadline, DispositionStatus Status, bool Overdue, DateTime CreatedAtUtc, Urgency Urgency);
