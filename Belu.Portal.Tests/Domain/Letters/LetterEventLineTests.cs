using Belu.Portal.Features.Letters;

namespace Belu.Portal.Tests.Domain.Letters;

public class LetterEventLineTests
{
    private static LetterDisposed Disposed(string? subject, string? toLabel = "Kepala Bidang Aplikasi Informatika") => new()
    {
        LetterId = Guid.NewGuid(), AgendaNumber = "0042/2026", DispositionId = Guid.NewGuid(), Subject = subject,
        FromName = "Silvester Taolin, S.Kom.", FromPosition = "Kepala Dinas Komunikasi dan Informatika", ToLabel = toLabel,
    };

    [Fact]
    public void TheBoardSaysWhoDisposedWhatToWhomAsAPersonWould() =>
        Assert.Equal("Kepala Dinas Komunikasi dan Informatika mendisposisikan surat \"Undangan rapat koordinasi SPBE\" kepada Kepala Bidang Aplikasi Informatika.",
            Disposed("Undangan rapat koordinasi SPBE").BoardLine);

    [Fact]
    public void ALongSubjectIsShortenedAtAWordWithAnEllipsis()
    {
        var line = Disposed("Undangan rapat koordinasi percepatan transformasi digital dan keterpaduan layanan digital nasional").BoardLine;
        Assert.Contains("surat \"Undangan rapat koordinasi percepatan transformasi digital…\" kepada", line);
    }

    [Fact]
    public void ASecretLetterIsNamedByItsAgendaNumberOnly() =>
        Assert.Equal("Kepala Dinas Komunikasi dan Informatika mendisposisikan surat 0042/2026 kepada Kepala Bidang Aplikasi Informatika.",
            Disposed(subject: null).BoardLine);

    [Fact]
    public void TheRecipientsBellKeepsItsOwnWording()
    {
        var e = Disposed("Undangan rapat");
        Assert.Equal("Disposisi dari Silvester Taolin, S.Kom.: surat 0042/2026 \"Undangan rapat\".", e.Summary);
        Assert.NotEqual(e.Summary, e.BoardLine);
    }
}
