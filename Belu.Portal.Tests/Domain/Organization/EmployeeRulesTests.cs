using Belu.Portal.Features.Organization;

namespace Belu.Portal.Tests.Domain.Organization;

public class EmployeeRulesTests
{
    private static EmployeeInput Valid() => new()
    {
        Nip = "198503122010011003", Name = "Yohanes Bria", Position = "Pranata Komputer", UnitId = 3, EmploymentType = EmploymentType.Pns,
    };

    [Fact]
    public void AValidCivilServantPasses() => Assert.Empty(EmployeeRules.Validate(Valid(), 2026));

    [Fact]
    public void ContractStaffMayHaveNoNip()
    {
        var input = Valid();
        input.Nip = " ";
        input.EmploymentType = EmploymentType.NonAsn;
        Assert.Empty(EmployeeRules.Validate(input, 2026));
    }

    [Theory]
    [InlineData(EmploymentType.Pns)]
    [InlineData(EmploymentType.Pppk)]
    public void CivilServantsNeedANip(EmploymentType type)
    {
        var input = Valid();
        input.Nip = null;
        input.EmploymentType = type;
        Assert.Contains("NIP wajib diisi", EmployeeRules.Validate(input, 2026)[nameof(EmployeeInput.Nip)]);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+62")]
    [InlineData("-x")]
    [InlineData("@SUM(A1)")]
    public void TextThatASpreadsheetWouldRunIsRefused(string name)
    {
        var input = Valid();
        input.Name = name;
        Assert.True(EmployeeRules.Validate(input, 2026).ContainsKey(nameof(EmployeeInput.Name)));
    }
}
