using Belu.Portal.Features.Attendance.Field.Domain;

namespace Belu.Portal.Tests.Domain.Attendance.Field;

public class FieldChecksTests
{
    // The Kantor Bupati Belu in Atambua, and points around it (one degree of latitude is ~111.2 km).
    private static readonly GeoPoint Office = new(-9.1067, 124.8925);
    private static readonly FieldArea OfficeArea = new("Kantor Bupati Belu", Office, 100, FieldAreaKind.Kantor);
    private static readonly DateTime Morning = new(2026, 11, 26, 23, 45, 0, DateTimeKind.Utc);

    private static GeoPoint North(GeoPoint origin, double metres) => origin with { Latitude = origin.Latitude + metres / 111_195.0 };

    [Fact]
    public void TheHaversineDistanceOfOneDegreeOfLatitudeIsAbout111Kilometres()
    {
        Assert.Equal(111_195, FieldChecks.DistanceMetres(new GeoPoint(0, 0), new GeoPoint(1, 0)), 0);
        Assert.Equal(0, FieldChecks.DistanceMetres(Office, Office));
    }

    [Fact]
    public void AtambuaToKupangIsAbout180KilometresInAStraightLine()
    {
        var kupang = new GeoPoint(-10.1772, 123.6070);
        Assert.InRange(FieldChecks.DistanceMetres(Office, kupang), 180_000, 190_000);
    }

    [Fact]
    public void APointOnTheRadiusIsInsideAndOneMetreBeyondIsOutside()
    {
        Assert.NotNull(FieldChecks.Inside(North(Office, 99.9), [OfficeArea]));
        Assert.Null(FieldChecks.Inside(North(Office, 101), [OfficeArea]));
    }

    [Fact]
    public void TheNearestAreaHoldingThePointIsChosen()
    {
        var destination = new FieldArea("Tujuan DL: Kecamatan Tasifeto Timur", North(Office, 50), 500, FieldAreaKind.TujuanDinas);
        var inside = FieldChecks.Inside(North(Office, 60), [OfficeArea, destination]);
        Assert.Equal(destination, inside!.Value.Area);
        Assert.Equal(10, inside.Value.DistanceMetres, 0);
    }

    [Fact]
    public void TheRefusalNamesTheNearestAreaItsDistanceAndItsLimit()
    {
        var message = FieldChecks.OutsideMessage(North(Office, 2500), [OfficeArea]);
        Assert.Contains("di luar area absen", message);
        Assert.Contains("2,5 km dari Kantor Bupati Belu", message);
        Assert.Contains("batas 100 m", message);
        Assert.Contains("Hubungi admin", FieldChecks.OutsideMessage(Office, []));
    }

    [Fact]
    public void AnAccuracyOfZeroIsFlagged()
    {
        Assert.Equal(FieldFlag.ZeroAccuracy, FieldChecks.Flags(Office, 0, Morning, [], 200));
        Assert.Equal(FieldFlag.None, FieldChecks.Flags(Office, 0.5, Morning, [], 200));
    }

    [Fact]
    public void ExactlyRepeatedCoordinatesAreFlaggedButAJitterOfTheLastDecimalIsNot()
    {
        var yesterday = new EarlierFix(Office, 12, Morning.AddDays(-1));
        Assert.Equal(FieldFlag.RepeatedCoordinates, FieldChecks.Flags(Office, 12, Morning, [yesterday], 200));
        var jitter = Office with { Longitude = Office.Longitude + 0.0000001 };
        Assert.Equal(FieldFlag.None, FieldChecks.Flags(jitter, 12, Morning, [yesterday], 200));
    }

    [Fact]
    public void AMoveFasterThanTheLimitIsFlaggedAndASlowerOneIsNot()
    {
        // 50 km in 10 minutes is 300 km/h; in 20 minutes 150 km/h.
        var there = new EarlierFix(North(Office, 50_000), 10, Morning.AddMinutes(-10));
        Assert.Equal(FieldFlag.ImpossibleSpeed, FieldChecks.Flags(Office, 10, Morning, [there], 200));
        Assert.Equal(FieldFlag.None, FieldChecks.Flags(Office, 10, Morning, [there with { AtUtc = Morning.AddMinutes(-20) }], 200));
    }

    [Fact]
    public void OnlyTheLatestEarlierFixCountsForTheSpeed()
    {
        var farAndOld = new EarlierFix(North(Office, 50_000), 10, Morning.AddMinutes(-10));
        var nearAndNewer = new EarlierFix(North(Office, 300), 10, Morning.AddMinutes(-5));
        Assert.Equal(FieldFlag.None, FieldChecks.Flags(Office, 10, Morning, [farAndOld, nearAndNewer], 200));
    }

    [Fact]
    public void TheAccuraciesAreGivenAsAllowanceBeforeTheSpeedIsJudged()
    {
        // 150 m in the same second is within two 80 m accuracies: no move at all.
        var justNow = new EarlierFix(North(Office, 150), 80, Morning);
        Assert.Equal(0, FieldChecks.SpeedKmh(justNow, Office, 80, Morning));
        Assert.Equal(double.PositiveInfinity, FieldChecks.SpeedKmh(justNow with { AccuracyMetres = 10 }, Office, 10, Morning));
        Assert.Equal(FieldFlag.ImpossibleSpeed, FieldChecks.Flags(Office, 10, Morning, [justNow with { AccuracyMetres = 10 }], 200));
    }

    [Fact]
    public void FlagsAddUpAndAreDescribedInBahasa()
    {
        var same = new EarlierFix(Office, 0, Morning.AddMinutes(-1));
        var flags = FieldChecks.Flags(Office, 0, Morning, [same], 200);
        Assert.Equal(FieldFlag.ZeroAccuracy | FieldFlag.RepeatedCoordinates, flags);
        Assert.Equal(["Akurasi 0 m", "Koordinat persis berulang"], FieldChecks.Describe(flags));
        Assert.Equal(["Perpindahan terlalu cepat"], FieldChecks.Describe(FieldFlag.ImpossibleSpeed));
    }

    [Theory]
    [InlineData(-9.1, 124.9, true)]
    [InlineData(90, 180, true)]
    [InlineData(90.0001, 0, false)]
    [InlineData(0, -180.5, false)]
    [InlineData(double.NaN, 0, false)]
    public void OnlyRealCoordinatesAreValid(double latitude, double longitude, bool valid) =>
        Assert.Equal(valid, new GeoPoint(latitude, longitude).IsValid);

    [Theory]
    [InlineData("-9.1067, 124.8925", -9.1067, 124.8925)]
    [InlineData("-9.1067 124.8925", -9.1067, 124.8925)]
    [InlineData(" -9.1067;124.8925 ", -9.1067, 124.8925)]
    [InlineData("0, 0", 0, 0)]
    public void CoordinatesAreReadAsMapsCopyThem(string text, double latitude, double longitude)
    {
        Assert.True(GeoPoint.TryParse(text, out var point));
        Assert.Equal(new GeoPoint(latitude, longitude), point);
    }

    [Theory]
    [InlineData("-9,1067, 124,8925")]
    [InlineData("-9.1067")]
    [InlineData("95, 10")]
    [InlineData("utara")]
    [InlineData("")]
    [InlineData(null)]
    public void AmbiguousOrImpossibleCoordinatesAreNotRead(string? text) => Assert.False(GeoPoint.TryParse(text, out _));
}
