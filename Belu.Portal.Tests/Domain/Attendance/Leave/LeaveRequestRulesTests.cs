using System.ComponentModel.DataAnnotations;
using Belu.Portal.Features.Attendance.Leave;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Features.Organization;

namespace Belu.Portal.Tests.Domain.Attendance.Leave;

public class LeaveRequestRulesTests
{
    private static readonly LeaveOptions Options = new();

    private static LeaveAsk Ask(LeaveKind kind, DateOnly from, DateOnly to, int workingDays, bool document = false, DateOnly? serviceStart = null, int annualLeft = 12) =>
        new(kind, from, to, workingDays, document, serviceStart ?? new DateOnly(2015, 3, 1), annualLeft, "PNS");

    private static Dictionary<string, string> Pns(LeaveAsk ask) => LeaveRequestRules.Check(ask, Options.Pns[ask.Kind]);

    private static readonly DateOnly Monday = new(2026, 12, 7);

    [Fact]
    public void OneDayOfCutiSakitNeedsNoDoctorsLetter() =>
        Assert.Empty(Pns(Ask(LeaveKind.Sakit, Monday, Monday, 1)));

    [Fact]
    public void TwoDaysOfCutiSakitNeedADoctorsLetter()
    {
        Assert.Contains("surat keterangan dokter", Pns(Ask(LeaveKind.Sakit, Monday, Monday.AddDays(1), 2))["Document"]);
        Assert.Empty(Pns(Ask(LeaveKind.Sakit, Monday, Monday.AddDays(1), 2, document: true)));
    }

    [Fact]
    public void CutiTahunanIsRefusedBeforeAYearOfService()
    {
        var errors = Pns(Ask(LeaveKind.Tahunan, Monday, Monday, 1, serviceStart: new DateOnly(2026, 1, 1)));

        Assert.Equal("Cuti Tahunan baru dapat diambil setelah masa kerja 1 tahun terus-menerus, yaitu mulai 01/01/2027.", errors["From"]);
        Assert.Empty(Pns(Ask(LeaveKind.Tahunan, Monday, Monday, 1, serviceStart: new DateOnly(2025, 12, 1))));
    }

    [Fact]
    public void CutiTahunanCannotExceedWhatIsLeftOfTheRight()
    {
        Assert.Equal("Sisa hak cuti tahunan Anda tahun 2026 3 hari kerja; permohonan ini 4 hari kerja.",
            Pns(Ask(LeaveKind.Tahunan, Monday, Monday.AddDays(3), 4, annualLeft: 3))["To"]);
        Assert.Empty(Pns(Ask(LeaveKind.Tahunan, Monday, Monday.AddDays(2), 3, annualLeft: 3)));
    }

    [Fact]
    public void CutiTahunanAcrossNewYearIsAskedForPerYear() =>
        Assert.Contains("tahun 2027", Pns(Ask(LeaveKind.Tahunan, new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 4), 4, annualLeft: 18))["To"]);

    [Fact]
    public void CutiBesarNeedsFiveYearsAndLastsAtMostThreeMonths()
    {
        var start = new DateOnly(2027, 1, 4);
        Assert.Contains("5 tahun", Pns(Ask(LeaveKind.Besar, start, start.AddDays(20), 15, serviceStart: new DateOnly(2023, 1, 1)))["From"]);
        Assert.Empty(Pns(Ask(LeaveKind.Besar, start, new DateOnly(2027, 4, 3), 63)));
        Assert.Equal("Cuti Besar paling lama 3 bulan: selesai paling lambat 03/04/2027.", Pns(Ask(LeaveKind.Besar, start, new DateOnly(2027, 4, 4), 63))["To"]);
    }

    [Fact]
    public void CutiKarenaAlasanPentingNeedsItsLetter() =>
        Assert.StartsWith("Lampirkan surat keterangan", Pns(Ask(LeaveKind.AlasanPenting, Monday, Monday, 1))["Document"]);

    [Fact]
    public void CutiBersamaIsNotRequestedItComesFromTheHolidayCalendar() =>
        Assert.Contains("kalender libur", Pns(Ask(LeaveKind.Bersama, Monday, Monday, 1))["LeaveKind"]);

    [Fact]
    public void ARangeOfOnlyDaysOffIsRefused() =>
        Assert.Contains("tidak memuat hari kerja", Pns(Ask(LeaveKind.Tahunan, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 6), 0))["To"]);

    [Theory]
    [InlineData(LeaveKind.Besar)]
    [InlineData(LeaveKind.AlasanPenting)]
    [InlineData(LeaveKind.Cltn)]
    public void PppkHaveNoCutiBesarAlasanPentingOrCltn(LeaveKind kind)
    {
        var rule = Options.RulesFor(EmploymentType.Pppk)[kind];
        var errors = LeaveRequestRules.Check(Ask(kind, Monday, Monday, 1, document: true) with { EmployeeKind = "PPPK" }, rule);

        Assert.Equal($"{kind.Label()} tidak berlaku bagi PPPK.", errors["LeaveKind"]);
    }

    [Fact]
    public void PppkCutiSakitLastsAtMostOneMonth() =>
        Assert.Contains("1 bulan", LeaveRequestRules.Check(Ask(LeaveKind.Sakit, Monday, Monday.AddMonths(1), 23, document: true), Options.Pppk.Sakit)["To"]);

    [Fact]
    public void ContractStaffFollowThePppkRules() =>
        Assert.Same(Options.Pppk, Options.RulesFor(EmploymentType.NonAsn));

    [Fact]
    public void TheDefaultsAreValid() => Assert.Empty(Validate(new LeaveOptions()));

    [Fact]
    public void AKindWithoutALengthIsRefusedAtStartUpNamingItsKey()
    {
        var options = new LeaveOptions();
        options.Pns.Sakit.MaxMonths = null;

        Assert.Contains(Validate(options), r => r.MemberNames.Contains("Pns:Sakit"));
    }

    [Fact]
    public void ABadValueInsideAKindNamesItsKey()
    {
        var options = new LeaveOptions();
        options.Pppk.Besar.MinServiceMonths = -1;

        Assert.Contains(Validate(options), r => r.MemberNames.Contains("Pppk:Besar:MinServiceMonths"));
    }

    [Fact]
    public void CarryingMoreThanTheAnnualRightIsRefused() =>
        Assert.Contains(Validate(new LeaveOptions { CarryOverDays = 13 }), r => r.MemberNames.Contains(nameof(LeaveOptions.CarryOverDays)));

    [Fact]
    public void ServiceStartIsReadFromTheNip()
    {
        Assert.Equal(new DateOnly(2010, 1, 1), ServiceStart.FromNip("19850312 201001 1 003", 2026));
        Assert.Null(ServiceStart.FromNip(null, 2026));
        Assert.False(ServiceStart.EntitledIn(new DateOnly(2026, 1, 2), 2026, 12));
        Assert.True(ServiceStart.EntitledIn(new DateOnly(2025, 12, 31), 2026, 12));
    }

    private static List<ValidationResult> Validate(LeaveOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
