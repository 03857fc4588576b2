using System.Text;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Tests.Domain.Organization;

public class ContactRulesTests
{
    [Theory]
    [InlineData("0812 3456 7890", "6281234567890")]
    [InlineData("+62 812-3456-7890", "6281234567890")]
    [InlineData("62812.3456.7890", "6281234567890")]
    [InlineData("81234567890", "6281234567890")]
    public void PhoneNumbersAreWrittenAs62(string text, string expected)
    {
        Assert.True(ContactRules.TryNormalizePhone(text, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("021 345 678")]
    [InlineData("0812-abc")]
    [InlineData("+1 555 0100")]
    public void ANumberThatIsNoIndonesianMobileIsRefused(string text) =>
        Assert.False(ContactRules.TryNormalizePhone(text, out _));

    [Fact]
    public void EmptyContactsAreAllowedAndStoredAsNull()
    {
        Assert.True(ContactRules.TryNormalizePhone("  ", out var phone));
        Assert.Null(phone);
        Assert.True(ContactRules.TryNormalizeEmail("", out var email));
        Assert.Null(email);
    }

    [Theory]
    [InlineData("Nama@BeluKab.go.id", true)]
    [InlineData("nama belukab.go.id", false)]
    [InlineData("Nama <nama@belukab.go.id>", false)]
    [InlineData("nama@localhost", false)]
    public void EmailAddressesArePlainAddresses(string text, bool valid) =>
        Assert.Equal(valid, ContactRules.TryNormalizeEmail(text, out _));

    [Fact]
    public void TheEmployeeCsvReadsPhoneAndEmailAndNamesABadOne()
    {
        var csv = "NIP;Nama;Jabatan;Kode Unit;Jenis;No WhatsApp;Email\n" +
            ";Maria Seran;Staf;DISKOMINFO-01;Non-ASN;0812 3456 7890;Maria@BeluKab.go.id\n" +
            ";Yosef Mau;Staf;DISKOMINFO-01;Non-ASN;12345;bukan-email\n";
        var result = EmployeeCsv.Parse(Encoding.UTF8.GetBytes(csv), 2026);

        Assert.Null(result.FileError);
        Assert.Equal("6281234567890", result.Rows[0].Phone);
        Assert.Equal("maria@belukab.go.id", result.Rows[0].Email);
        Assert.True(result.Rows[0].IsValid);
        Assert.Contains(result.Rows[1].Errors, e => e.Contains("Nomor WhatsApp"));
        Assert.Contains(result.Rows[1].Errors, e => e.Contains("E-mail"));
    }
}
