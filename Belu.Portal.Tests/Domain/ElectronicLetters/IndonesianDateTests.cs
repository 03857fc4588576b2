using Belu.Portal.Features.ElectronicLetters;

namespace Belu.Portal.Tests.Domain.ElectronicLetters;

public class IndonesianDateTests
{
    [Theory]
    [InlineData(1, "Januari")]
    [InlineData(2, "Februari")]
    [InlineData(3, "Maret")]
    [InlineData(4, "April")]
    [InlineData(5, "Mei")]
    [InlineData(6, "Juni")]
    [InlineData(7, "Juli")]
    [InlineData(8, "Agustus")]
    [InlineData(9, "September")]
    [InlineData(10, "Oktober")]
    [InlineData(11, "November")]
    [InlineData(12, "Desember")]
    public void EveryMonthHasItsIndonesianName(int month, string name) => Assert.Equal(name, IndonesianDate.MonthName(month));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void AMonthOutsideTheYearIsRefused(int month) => Assert.Throws<ArgumentOutOfRangeException>(() => IndonesianDate.MonthName(month));

    [Fact]
    public void PlaceAndDateReadAsOnALetter() =>
        Assert.Equal("Atambua, 2 Desember 2026", IndonesianDate.PlaceAndDate("Atambua", new DateOnly(2026, 12, 2)));

    [Fact]
    public void TheDayHasNoLeadingZeroAndTheYearIsWhole() =>
        Assert.Equal("9 Mei 2027", IndonesianDate.Format(new DateOnly(2027, 5, 9)));

    [Fact]
    public void TheMachineCultureDoesNotChangeTheDate()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal("31 Januari 2026", IndonesianDate.Format(new DateOnly(2026, 1, 31)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
