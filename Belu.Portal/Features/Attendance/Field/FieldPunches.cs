namespace Belu.Portal.Features.Attendance.Field;

/// <summary>How a field check-in rides on the punch's one road: its row is added beside the punch, in the same save.</summary>
internal static class FieldPunches
{
    /// <summary>A flagged field punch waits for its review: stored, withheld from the day (and from the late notices).</summary>
    public static bool Withholds(FieldPunch? field) => field is not null && !FieldPunch.Counts(field.Review);

    public static void Attach(Data.PortalDbContext db, Punch punch, FieldPunch? field)
    {
        if (field is null)
        {
            return;
        }
        punch.Withheld = Withholds(field);
        field.PunchId = punch.Id;
        field.EmployeeId = punch.EmployeeId;
        field.AtUtc = punch.AtUtc;
        db.Add(field);
    }
}
