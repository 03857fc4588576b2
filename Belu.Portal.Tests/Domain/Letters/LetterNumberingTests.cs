using Belu.Portal.Features.Letters.Domain;

namespace Belu.Portal.Tests.Domain.Letters;

public class LetterNumberingTests
{
    [Theory]
    [InlineData(1, 2026, "0001/2026")]
    [InlineData(42, 2026, "0042/2026")]
    [InlineData(9999, 2027, "9999/2027")]
    [InlineData(12345, 2026, "12345/2026")]
    public void AgendaNumbersAreTheSequenceAndTheYear(int sequence, int year, string expected) =>
        Assert.Equal(expected, LetterNumbering.AgendaNumber(sequence, year));

    [Theory]
    [InlineData("000.1.2.3", 42, "DISKOMINFO", 2026, "000.1.2.3/42/DISKOMINFO/2026")]
    [InlineData("800", 1, "bkpsdm", 2026, "800/1/BKPSDM/2026")]
    [InlineData(" 400.14.1 ", 317, "SETDA", 2025, "400.14.1/317/SETDA/2025")]
    public void OutgoingNumbersFollowTheRegionalFormat(string code, int sequence, string unit, int year, string expected) =>
        Assert.Equal(expected, LetterNumbering.OutgoingNumber(code, sequence, unit, year));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ASequenceStartsAtOne(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LetterNumbering.AgendaNumber(sequence, 2026));
        Assert.Throws<ArgumentOutOfRangeException>(() => LetterNumbering.OutgoingNumber("000", sequence, "X", 2026));
    }

    [Fact]
    public void AnOutgoingNumberNeedsAValidCodeAndUnit()
    {
        Assert.Throws<ArgumentException>(() => LetterNumbering.OutgoingNumber("1.2", 1, "X", 2026));
        Assert.Throws<ArgumentException>(() => LetterNumbering.OutgoingNumber("000", 1, "A/B", 2026));
        Assert.Throws<ArgumentException>(() => LetterNumbering.OutgoingNumber("000", 1, " ", 2026));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("000.1")]
    [InlineData("000.1.2")]
    [InlineData("000.1.2.3")]
    [InlineData("400.14.1")]
    [InlineData("500.12.10.99")]
    public void PermendagriClassificationCodesAreAccepted(string code)
    {
        Assert.Equal(code, LetterNumbering.NormalizeClassification(code));
        Assert.Null(LetterNumbering.CheckClassification(code));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("0000")]
    [InlineData("000.")]
    [InlineData("000.123")]
    [InlineData("000.1.2.3.4")]
    [InlineData("abc")]
    [InlineData("000/1")]
    public void MalformedClassificationCodesAreRefused(string code)
    {
        Assert.Null(LetterNumbering.NormalizeClassification(code));
        Assert.Contains("Permendagri 83/2022", LetterNumbering.CheckClassification(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void AMissingClassificationCodeIsRequired(string? code) =>
        Assert.Equal("Kode klasifikasi wajib diisi.", LetterNumbering.CheckClassification(code));
}
