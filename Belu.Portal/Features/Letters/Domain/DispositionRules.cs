namespace Belu.Portal.Features.Letters.Domain;

/// <summary>What someone tries to do with a disposition.</summary>
public enum DispositionAction
{
    Read,
    StartProcessing,
    Forward,
    Finish,
    Cancel,
}

/// <summary>The facts the transition rules need: the disposition, who asks, and what hangs below it.</summary>
public readonly record struct DispositionFacts(
    DispositionStatus Status,
    bool CallerIsRecipient,
    bool CallerIsDisposer,
    bool HasReport = false,
    int OpenForwards = 0);

/// <summary>
/// The disposition state machine (docs/domain/letters.md, "Disposition") as plain rules: Baru → Dibaca → Diproses → Selesai, cancel only while
/// unread and only by the one who disposed it, finish only with a follow-up report and once every forwarded branch is done.
/// </summary>
public static class DispositionRules
{
    /// <summary>Why the action is not allowed, in Bahasa Indonesia; null when it is.</summary>
    public static string? Check(DispositionAction action, DispositionFacts facts)
    {
        if (action == DispositionAction.Cancel)
        {
            if (!facts.CallerIsDisposer)
            {
                return "Hanya pemberi disposisi yang dapat membatalkannya.";
            }
            return facts.Status switch
            {
                DispositionStatus.Baru => null,
                DispositionStatus.Dibatalkan => "Disposisi ini sudah dibatalkan.",
                _ => "Disposisi yang sudah dibaca penerima tidak dapat dibatalkan.",
            };
        }

        if (!facts.CallerIsRecipient)
        {
            return "Disposisi ini tidak ditujukan kepada Anda.";
        }
        if (facts.Status == DispositionStatus.Dibatalkan)
        {
            return "Disposisi ini sudah dibatalkan oleh pemberi disposisi.";
        }
        if (facts.Status == DispositionStatus.Selesai && action != DispositionAction.Read)
        {
            return "Disposisi ini sudah selesai.";
        }

        return action switch
        {
            DispositionAction.Read => null,
            DispositionAction.StartProcessing when facts.Status == DispositionStatus.Diproses => "Disposisi ini sudah ditandai sedang diproses.",
            DispositionAction.StartProcessing => null,
            DispositionAction.Forward => null,
            DispositionAction.Finish when !facts.HasReport => "Laporan tindak lanjut wajib diisi sebelum disposisi diselesaikan.",
            DispositionAction.Finish when facts.OpenForwards > 0 =>
                $"Masih ada {facts.OpenForwards} disposisi lanjutan yang belum selesai. Tunggu laporan bawahan Anda terlebih dahulu.",
            DispositionAction.Finish => null,
            _ => "Tindakan tidak dikenal.",
        };
    }

    public const string NotAddresseeMessage =
        "Hanya tujuan surat yang dapat mendisposisikannya. Anda dapat meneruskan disposisi yang Anda terima.";

    public const string LetterDoneMessage = "Surat ini sudah selesai ditindaklanjuti; tidak dapat didisposisikan lagi.";

    /// <summary>
    /// May the caller dispose the letter itself (a root disposition)? Only its addressee, and only while its tree
    /// is not done: a Selesai letter has nothing left to route. The letter page offers the action by this same rule.
    /// </summary>
    public static string? CheckDisposeLetter(LetterState progress, bool callerIsAddressee) =>
        !callerIsAddressee ? NotAddresseeMessage
        : progress == LetterState.Selesai ? LetterDoneMessage
        : null;

    /// <summary>The status after an allowed action. Reading again changes nothing.</summary>
    public static DispositionStatus Next(DispositionAction action, DispositionStatus current) => action switch
    {
        DispositionAction.Read => current == DispositionStatus.Baru ? DispositionStatus.Dibaca : current,
        DispositionAction.StartProcessing => DispositionStatus.Diproses,
        DispositionAction.Forward => DispositionStatus.Diproses,
        DispositionAction.Finish => DispositionStatus.Selesai,
        DispositionAction.Cancel => DispositionStatus.Dibatalkan,
        _ => current,
    };

    /// <summary>Is the disposition still waiting for work (neither done nor cancelled)?</summary>
    public static bool IsOpen(this DispositionStatus status) =>
        status is DispositionStatus.Baru or DispositionStatus.Dibaca or DispositionStatus.Diproses;
}
