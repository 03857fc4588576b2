using Belu.Portal.Features.ElectronicLetters;

namespace Belu.Portal.Tests.Domain.ElectronicLetters;

/// <summary>The wall board announces the letters signed today; a secret letter's subject never reaches it.</summary>
public class SignedLetterTickerTests
{
    private static DraftSigned Signed(string? subject) => new()
    {
        DraftId = Guid.NewGuid(), Subject = subject, ByName = "Silvester Taolin, S.Kom.", SignerPosition = "Kepala Dinas Komunikasi dan Informatika",
        Number = "000.1.2.3/0007/DISKOMINFO/2026", KindLabel = "Surat Dinas", UnitId = 7,
    };

    [Fact]
    public void TheBoardSaysWhoSignedWhichLetterWithItsNumber()
    {
        var e = Signed("Undangan rapat koordinasi SPBE");
        Assert.True(e.ShowOnBoard);
        Assert.Equal("Kepala Dinas Komunikasi dan Informatika menandatangani Surat Dinas nomor 000.1.2.3/0007/DISKOMINFO/2026 \"Undangan rapat koordinasi SPBE\".",
            e.BoardLine);
    }

    [Fact]
    public void ASecretLetterIsAnnouncedByItsKindAndNumberOnly() =>
        Assert.Equal("Kepala Dinas Komunikasi dan Informatika menandatangani Surat Dinas nomor 000.1.2.3/0007/DISKOMINFO/2026.", Signed(subject: null).BoardLine);

    [Fact]
    public void TheConceptorsBellKeepsItsOwnWording()
    {
        var e = Signed("Undangan rapat");
        Assert.Equal("Silvester Taolin, S.Kom. menandatangani konsep naskah \"Undangan rapat\" dengan nomor 000.1.2.3/0007/DISKOMINFO/2026.", e.Summary);
    }

    [Fact]
    public void OtherDraftNewsStaysOffTheBoard() =>
        Assert.False(new DraftReturned { DraftId = Guid.NewGuid(), ByName = "Sekretaris" }.ShowOnBoard);
}
