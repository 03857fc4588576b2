using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Domain.Letters;

public class DispositionRulesTests
{
    private static DispositionFacts Recipient(DispositionStatus status, bool report = false, int openForwards = 0) =>
        new(status, CallerIsRecipient: true, CallerIsDisposer: false, report, openForwards);

    private static DispositionFacts Disposer(DispositionStatus status) => new(status, CallerIsRecipient: false, CallerIsDisposer: true);

    [Theory]
    [InlineData(DispositionStatus.Baru, DispositionStatus.Dibaca)]
    [InlineData(DispositionStatus.Dibaca, DispositionStatus.Dibaca)]
    [InlineData(DispositionStatus.Diproses, DispositionStatus.Diproses)]
    [InlineData(DispositionStatus.Selesai, DispositionStatus.Selesai)]
    public void ReadingMovesBaruToDibacaAndChangesNothingElse(DispositionStatus from, DispositionStatus to)
    {
        Assert.Null(DispositionRules.Check(DispositionAction.Read, Recipient(from)));
        Assert.Equal(to, DispositionRules.Next(DispositionAction.Read, from));
    }

    [Theory]
    [InlineData(DispositionStatus.Baru)]
    [InlineData(DispositionStatus.Dibaca)]
    public void ARecipientMarksItInProgress(DispositionStatus from)
    {
        Assert.Null(DispositionRules.Check(DispositionAction.StartProcessing, Recipient(from)));
        Assert.Equal(DispositionStatus.Diproses, DispositionRules.Next(DispositionAction.StartProcessing, from));
    }

    [Theory]
    [InlineData(DispositionStatus.Diproses, "sudah ditandai")]
    [InlineData(DispositionStatus.Selesai, "sudah selesai")]
    [InlineData(DispositionStatus.Dibatalkan, "dibatalkan")]
    public void MarkingInProgressTwiceOrAfterTheEndIsRefused(DispositionStatus from, string message) =>
        Assert.Contains(message, DispositionRules.Check(DispositionAction.StartProcessing, Recipient(from)));

    [Theory]
    [InlineData(DispositionStatus.Baru)]
    [InlineData(DispositionStatus.Dibaca)]
    [InlineData(DispositionStatus.Diproses)]
    public void AnOpenDispositionCanBeForwardedAndIsThenInProgress(DispositionStatus from)
    {
        Assert.Null(DispositionRules.Check(DispositionAction.Forward, Recipient(from)));
        Assert.Equal(DispositionStatus.Diproses, DispositionRules.Next(DispositionAction.Forward, from));
    }

    [Theory]
    [InlineData(DispositionStatus.Selesai)]
    [InlineData(DispositionStatus.Dibatalkan)]
    public void AClosedDispositionCannotBeForwarded(DispositionStatus from) =>
        Assert.NotNull(DispositionRules.Check(DispositionAction.Forward, Recipient(from)));

    [Theory]
    [InlineData(DispositionAction.Read)]
    [InlineData(DispositionAction.StartProcessing)]
    [InlineData(DispositionAction.Forward)]
    [InlineData(DispositionAction.Finish)]
    public void OnlyTheRecipientActsOnADisposition(DispositionAction action)
    {
        Assert.Equal("Disposisi ini tidak ditujukan kepada Anda.", DispositionRules.Check(action, Disposer(DispositionStatus.Dibaca)));
        Assert.Equal("Disposisi ini tidak ditujukan kepada Anda.", DispositionRules.Check(action, new DispositionFacts(DispositionStatus.Dibaca, false, false, true)));
    }

    [Theory]
    [InlineData(DispositionStatus.Baru)]
    [InlineData(DispositionStatus.Dibaca)]
    [InlineData(DispositionStatus.Diproses)]
    public void FinishingWithAReportMakesItSelesai(DispositionStatus from)
    {
        Assert.Null(DispositionRules.Check(DispositionAction.Finish, Recipient(from, report: true)));
        Assert.Equal(DispositionStatus.Selesai, DispositionRules.Next(DispositionAction.Finish, from));
    }

    [Fact]
    public void FinishingWithoutAReportIsRefused() =>
        Assert.Equal("Laporan tindak lanjut wajib diisi sebelum disposisi diselesaikan.",
            DispositionRules.Check(DispositionAction.Finish, Recipient(DispositionStatus.Diproses, report: false)));

    [Fact]
    public void FinishingWhileAForwardedBranchIsOpenIsRefused() =>
        Assert.Contains("Masih ada 2 disposisi lanjutan", DispositionRules.Check(DispositionAction.Finish, Recipient(DispositionStatus.Diproses, true, openForwards: 2)));

    [Theory]
    [InlineData(DispositionStatus.Selesai, "sudah selesai")]
    [InlineData(DispositionStatus.Dibatalkan, "dibatalkan")]
    public void FinishingTwiceOrACancelledOneIsRefused(DispositionStatus from, string message) =>
        Assert.Contains(message, DispositionRules.Check(DispositionAction.Finish, Recipient(from, true)));

    [Fact]
    public void TheDisposerCancelsWhileUnread()
    {
        Assert.Null(DispositionRules.Check(DispositionAction.Cancel, Disposer(DispositionStatus.Baru)));
        Assert.Equal(DispositionStatus.Dibatalkan, DispositionRules.Next(DispositionAction.Cancel, DispositionStatus.Baru));
    }

    [Theory]
    [InlineData(DispositionStatus.Dibaca)]
    [InlineData(DispositionStatus.Diproses)]
    [InlineData(DispositionStatus.Selesai)]
    public void ADispositionAlreadyReadCannotBeCancelled(DispositionStatus from) =>
        Assert.Equal("Disposisi yang sudah dibaca penerima tidak dapat dibatalkan.", DispositionRules.Check(DispositionAction.Cancel, Disposer(from)));

    [Fact]
    public void CancellingTwiceIsRefused() =>
        Assert.Equal("Disposisi ini sudah dibatalkan.", DispositionRules.Check(DispositionAction.Cancel, Disposer(DispositionStatus.Dibatalkan)));

    [Fact]
    public void TheRecipientCannotCancel() =>
        Assert.Equal("Hanya pemberi disposisi yang dapat membatalkannya.", DispositionRules.Check(DispositionAction.Cancel, Recipient(DispositionStatus.Baru)));

    [Fact]
    public void ReadingACancelledDispositionIsRefused() =>
        Assert.Contains("dibatalkan", DispositionRules.Check(DispositionAction.Read, Recipient(DispositionStatus.Dibatalkan)));

    [Theory]
    [InlineData(DispositionStatus.Baru, true)]
    [InlineData(DispositionStatus.Dibaca, true)]
    [InlineData(DispositionStatus.Diproses, true)]
    [InlineData(DispositionStatus.Selesai, false)]
    [InlineData(DispositionStatus.Dibatalkan, false)]
    public void OpenMeansWaitingForWork(DispositionStatus status, bool open) => Assert.Equal(open, status.IsOpen());

    [Theory]
    [InlineData(LetterState.BelumDidisposisi)]
    [InlineData(LetterState.DalamProses)]
    public void TheAddresseeDisposesALetterThatIsNotDone(LetterState progress) =>
        Assert.Null(DispositionRules.CheckDisposeLetter(progress, callerIsAddressee: true));

    [Fact]
    public void ASelesaiLetterIsNotDisposedAgain() =>
        Assert.Equal(DispositionRules.LetterDoneMessage, DispositionRules.CheckDisposeLetter(LetterState.Selesai, callerIsAddressee: true));

    [Theory]
    [InlineData(LetterState.BelumDidisposisi)]
    [InlineData(LetterState.Selesai)]
    public void OnlyTheAddresseeDisposesTheLetterItself(LetterState progress) =>
        Assert.Equal(DispositionRules.NotAddresseeMessage, DispositionRules.CheckDisposeLetter(progress, callerIsAddressee: false));
}
