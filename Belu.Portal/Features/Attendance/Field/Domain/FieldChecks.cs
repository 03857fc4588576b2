namespace Belu.Portal.Features.Attendance.Field.Domain;

/// <summary>A position on the earth in decimal degrees (WGS 84, as <c>navigator.geolocation</c> reports it).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public bool IsValid => double.IsFinite(Latitude) && double.IsFinite(Longitude) && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>
    /// Reads "lat, lon" as map sites copy it ("-9.1067, 124.8925", or separated by a space or a semicolon), always with
    /// a decimal point whatever the page's culture: id-ID's decimal comma would make "-9,1067, 124,8925" ambiguous.
    /// </summary>
    public static bool TryParse(string? text, out GeoPoint point)
    {
        point = default;
        var match = System.Text.RegularExpressions.Regex.Match(text ?? "", @"^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$");
        if (!match.Success)
        {
            return false;
        }
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        point = new GeoPoint(double.Parse(match.Groups[1].Value, culture), double.Parse(match.Groups[2].Value, culture));
        return point.IsValid;
    }

    /// <summary>"-9.106700, 124.892500": the notation map sites accept.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.000000}, {Longitude:0.000000}");
}

/// <summary>Where a field punch may be made: an office site, or the destination of the day's duty (DL).</summary>
public enum FieldAreaKind
{
    Kantor = 0,
    TujuanDinas = 1,
}

public sealed record FieldArea(string Name, GeoPoint Centre, int RadiusMetres, FieldAreaKind Kind);

/// <summary>What looks forged about a field punch (docs/domain/field.md). Flags add up.</summary>
[Flags]
public enum FieldFlag
{
    None = 0,

    /// <summary>An accuracy of 0 m: no real receiver reports it; location-faking apps do.</summary>
    ZeroAccuracy = 1,

    /// <summary>Exactly the coordinates of an earlier fix: real fixes jitter in the last decimals.</summary>
    RepeatedCoordinates = 2,

    /// <summary>Faster than anyone travels from the previous field punch.</summary>
    ImpossibleSpeed = 4,
}

/// <summary>An earlier field punch of the same person, for the repeat and speed checks.</summary>
public sealed record EarlierFix(GeoPoint Point, double AccuracyMetres, DateTime AtUtc);

/// <summary>The pure rules of a field check-in: the areas, and the flags of docs/domain/field.md.</summary>
public static class FieldChecks
{
    /// <summary>The earth's mean radius (IUGG), in metres: the haversine's sphere.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>The great-circle distance between two points (haversine formula), in metres.</summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The nearest area whose circle holds the point (distance ≤ radius), or null when none does.</summary>
    public static (FieldArea Area, double DistanceMetres)? Inside(GeoPoint point, IReadOnlyList<FieldArea> areas) =>
        areas.Select(a => (Area: a, Distance: DistanceMetres(point, a.Centre)))
            .Where(x => x.Distance <= x.Area.RadiusMetres)
            .OrderBy(x => x.Distance)
            .Select(x => ((FieldArea, double)?)x)
            .FirstOrDefault();

    /// <summary>The refusal of a point outside every allowed area, naming the nearest one and how far it is.</summary>
    public static string OutsideMessage(GeoPoint point, IReadOnlyList<FieldArea> areas)
    {
        if (areas.Count == 0)
        {
            return "Belum ada area absen lapangan untuk Anda (lokasi kantor atau tujuan dinas luar). Hubungi admin kepegawaian.";
        }
        var nearest = areas.Select(a => (Area: a, Distance: DistanceMetres(point, a.Centre))).OrderBy(x => x.Distance).First();
        return $"Lokasi Anda di luar area absen yang diizinkan: {FormatMetres(nearest.Distance)} dari {nearest.Area.Name} "
            + $"(batas {nearest.Area.RadiusMetres} m). Absen lapangan hanya dapat dilakukan di sekitar kantor atau tujuan dinas luar Anda.";
    }

    /// <summary>
    /// The flags of a fix. Speed: the straight distance from the latest earlier fix, less both accuracies (what the
    /// receivers may be off by), over the time between them, above <paramref name="maxSpeedKmh"/>.
    /// </summary>
    public static FieldFlag Flags(GeoPoint point, double accuracyMetres, DateTime atUtc, IReadOnlyList<EarlierFix> earlier, double maxSpeedKmh)
    {
        var flags = FieldFlag.None;
        if (accuracyMetres <= 0)
        {
            flags |= FieldFlag.ZeroAccuracy;
        }
        if (earlier.Any(e => e.Point.Latitude == point.Latitude && e.Point.Longitude == point.Longitude))
        {
            flags |= FieldFlag.RepeatedCoordinates;
        }
        if (earlier.Where(e => e.AtUtc <= atUtc).OrderByDescending(e => e.AtUtc).FirstOrDefault() is { } last
            && SpeedKmh(last, point, accuracyMetres, atUtc) > maxSpeedKmh)
        {
            flags |= FieldFlag.ImpossibleSpeed;
        }
        return flags;
    }

    /// <summary>The least speed that explains the move from <paramref name="from"/>; infinite for a real move in no time.</summary>
    public static double SpeedKmh(EarlierFix from, GeoPoint to, double accuracyMetres, DateTime atUtc)
    {
        var metres = DistanceMetres(from.Point, to) - Math.Max(0, from.AccuracyMetres) - Math.Max(0, accuracyMetres);
        if (metres <= 0)
        {
            return 0;
        }
        var hours = (atUtc - from.AtUtc).TotalHours;
        return hours <= 0 ? double.PositiveInfinity : metres / 1000 / hours;
    }

    /// <summary>The flags in words, for the superior's list.</summary>
    public static IReadOnlyList<string> Describe(FieldFlag flags)
    {
        var words = new List<string>();
        if (flags.HasFlag(FieldFlag.ZeroAccuracy))
        {
            words.Add("Akurasi 0 m");
        }
        if (flags.HasFlag(FieldFlag.RepeatedCoordinates))
        {
            words.Add("Koordinat persis berulang");
        }
        if (flags.HasFlag(FieldFlag.ImpossibleSpeed))
        {
            words.Add("Perpindahan terlalu cepat");
        }
        return words;
    }

    public static string FormatMetres(double metres) => metres >= 1000
        ? (metres / 1000).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " km"
        : Math.Round(metres).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " m";
}
