using Belu.Portal.Common.Files;
using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Features.Letters;

/// <summary>The scans and report attachments of letters: which kinds are accepted and how a stored file is recorded.</summary>
internal static class LetterFiles
{
    public const int MaxFiles = 10;

    internal static readonly FileKind[] ScanKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    internal static LetterFile NewFile(StoredFile file, int uploadedBy, DateTime now, Guid? letterId = null, Guid? dispositionId = null, Guid? outgoingId = null) => new()
    {
        LetterId = letterId,
        DispositionId = dispositionId,
        OutgoingLetterId = outgoingId,
        StorageKey = file.StorageKey,
        FileName = file.OriginalName,
        ContentType = file.ContentType,
        Length = file.Length,
        Sha256 = file.Sha256,
        UploadedById = uploadedBy,
        UploadedAtUtc = now,
    };

    /// <summary>
    /// The scans received with the letter: a receipt shows what was handed over at registration, forever, so the
    /// follow-up reports' attachments (stored on the same letter, with their disposition) never count.
    /// </summary>
    internal static int ReceivedFileCount(IncomingLetter letter) =>
        letter.Files.Count(f => f.DispositionId is null && f.UploadedAtUtc <= letter.RegisteredAtUtc);
}
