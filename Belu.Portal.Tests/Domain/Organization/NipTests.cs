using Belu.Portal.Features.Organization;

namespace Belu.Portal.Tests.Domain.Organization;

public class NipTests
{
    private const int Year = 2026;

    [Theory]
    [InlineData("198503122010011003")]
    [InlineData("19850312 201001 1 003")]
    [InlineData(" 19850312.201001.1.003 ")]
    public void AValidNipParsesWithOrWithoutSeparators(string text)
    {
        Assert.True(Nip.TryParse(text, Year, out var nip, out var error), error);
        Assert.Equal("198503122010011003", nip.Value);
        Assert.Equal(new DateOnly(1985, 3, 12), nip.BirthDate);
        Assert.Equal(2010, nip.AppointmentYear);
        Assert.Equal(1, nip.AppointmentMonth);
        Assert.Equal(1, nip.Sex);
        Assert.Equal(3, nip.Sequence);
        Assert.Equal("19850312 201001 1 003", nip.Formatted);
    }

    [Theory]
    [InlineData("", "NIP wajib diisi.")]
    [InlineData("19850312201001100", "18 angka")]
    [InlineData("1985031220100110031", "18 angka")]
    [InlineData("19850312201001100A", "18 angka")]
    [InlineData("198502302010011003", "tanggal lahir")]
    [InlineData("193001012010011003", "tanggal lahir")]
    [InlineData("201501012010011003", "tanggal lahir")]
    [InlineData("198503122010131003", "pengangkatan")]
    [InlineData("198503122010001003", "pengangkatan")]
    [InlineData("198503121995011003", "pengangkatan")]
    [InlineData("198503122030011003", "pengangkatan")]
    [InlineData("198503122010013003", "jenis kelamin")]
    [InlineData("198503122010010003", "jenis kelamin")]
    [InlineData("198503122010011000", "000")]
    public void AMalformedNipIsRefusedWithTheReason(string text, string reasonFragment)
    {
        Assert.False(Nip.TryParse(text, Year, out _, out var error));
        Assert.Contains(reasonFragment, error);
    }

    [Fact]
    public void AppointmentNextYearIsAcceptedForNewHires()
    {
        Assert.True(Nip.TryParse("200001012027012001", Year, out _, out var error), error);
    }
}
