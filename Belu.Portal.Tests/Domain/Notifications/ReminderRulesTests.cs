using Belu.Portal.Features.Notifications.Reminders.Domain;

namespace Belu.Portal.Tests.Domain.Notifications;

public class ReminderRulesTests
{
    private static readonly DateOnly Holiday = new(2026, 12, 25);

    private static readonly ReminderIntervals Defaults = new();

    private static readonly TimeOnly Seven = new(7, 0);

    private static readonly TimeOnly Noon = new(12, 0);

    private static bool Weekdays(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != Holiday;

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    private static DateOnly Day(int month, int day) => new(2026, month, day);

    private static IReadOnlyList<DispositionReminderDue> Due(DispositionReminderFacts facts, DateTime now, ReminderIntervals? intervals = null) =>
        ReminderRules.DispositionDue(facts, now, intervals ?? Defaults, Weekdays);

    private static DispositionReminderFacts Unread(DateTime created, DateOnly? deadline = null) => new(false, false, created, deadline);

    [Fact]
    public void AnUnreadDispositionRemindsItsRecipientAfterOneWorkingDayAndItsDisposerAfterTwo()
    {
        // Disposed Tuesday 1 December at 10:00.
        var created = At(12, 1, 10, 0);
        Assert.Empty(Due(Unread(created), At(12, 2, 9, 59)));
        Assert.Equal([new DispositionReminderDue(DispositionReminderKind.BelumDibaca, false)], Due(Unread(created), At(12, 2, 10, 0)));
        Assert.Equal(
            [new(DispositionReminderKind.BelumDibaca, false), new(DispositionReminderKind.BelumDibaca, true)],
            Due(Unread(created), At(12, 3, 10, 0)));
    }

    [Fact]
    public void AnUnreadDispositionOfFridayWaitsOverTheWeekend()
    {
        var created = At(11, 27, 14, 0);
        Assert.Empty(Due(Unread(created), At(11, 29, 20, 0)));
        Assert.Single(Due(Unread(created), At(11, 30, 14, 0)));
    }

    [Fact]
    public void TheIntervalsAreConfiguration()
    {
        var created = At(12, 1, 10, 0);
        var slow = new ReminderIntervals(UnreadAfter: 2, EscalateAfter: 3);
        Assert.Empty(Due(Unread(created), At(12, 2, 10, 0), slow));
        Assert.Single(Due(Unread(created), At(12, 3, 10, 0), slow));
        // Two plus three working days: Tuesday 1 → Tuesday 8 December.
        Assert.Single(Due(Unread(created), At(12, 7, 23, 0), slow));
        Assert.Equal(2, Due(Unread(created), At(12, 8, 10, 0), slow).Count);
    }

    [Fact]
    public void AReadDispositionIsNoLongerRemindedAsUnread() =>
        Assert.Empty(Due(new DispositionReminderFacts(true, false, At(11, 2, 10, 0), null), At(12, 2, 10, 0)));

    [Fact]
    public void AFinishedDispositionIsNeverReminded() =>
        Assert.Empty(Due(new DispositionReminderFacts(false, true, At(11, 2, 10, 0), Day(11, 5)), At(12, 2, 10, 0)));

    [Fact]
    public void ADeadlineOnTheNextWorkingDayRemindsTheRecipientTheDayBefore()
    {
        var read = new DispositionReminderFacts(true, false, At(12, 1, 8, 0), Day(12, 3));
        Assert.Empty(Due(read, At(12, 1, 9, 0)));
        Assert.Equal([new DispositionReminderDue(DispositionReminderKind.JatuhTempoBesok, false)], Due(read, At(12, 2, 7, 0)));
        // On the day itself it is no longer "tomorrow" (the digest lists it as due today).
        Assert.Empty(Due(read, At(12, 3, 7, 0)));
    }

    [Fact]
    public void AMondayDeadlineIsRemindedOnFriday()
    {
        var read = new DispositionReminderFacts(true, false, At(11, 20, 8, 0), Day(11, 30));
        Assert.Single(Due(read, At(11, 27, 7, 0)));
        Assert.Empty(Due(read, At(11, 26, 7, 0)));
    }

    [Fact]
    public void AnOverdueDispositionRemindsTheRecipientAndAfterAWorkingDayMoreTheDisposer()
    {
        // Deadline Monday 30 November, still open.
        var read = new DispositionReminderFacts(true, false, At(11, 20, 8, 0), Day(11, 30));
        Assert.Empty(Due(read, At(11, 30, 16, 0)));
        Assert.Equal([new DispositionReminderDue(DispositionReminderKind.Terlambat, false)], Due(read, At(12, 1, 7, 0)));
        Assert.Equal(
            [new(DispositionReminderKind.Terlambat, false), new(DispositionReminderKind.Terlambat, true)],
            Due(read, At(12, 2, 7, 0)));
    }

    [Fact]
    public void AnOverdueDeadlineBeforeAHolidayClimbsOnlyAfterTheNextWorkingDays()
    {
        // Deadline Thursday 24 December: Christmas and the weekend do not count as days late.
        var read = new DispositionReminderFacts(true, false, At(12, 1, 8, 0), Day(12, 24));
        Assert.Single(Due(read, At(12, 28, 7, 0)));
        Assert.Equal(2, Due(read, At(12, 29, 7, 0)).Count);
    }

    [Fact]
    public void ARequestClimbsToTheSuperiorAfterTheApproversReminderAndOneWorkingDayMore()
    {
        // Submitted Friday 27 November 09:00: the approver's reminder is Monday 09:00, the superior's Tuesday 09:00.
        var submitted = At(11, 27, 9, 0);
        Assert.False(ReminderRules.RequestEscalationDue(submitted, At(11, 30, 9, 0), Defaults, Weekdays));
        Assert.False(ReminderRules.RequestEscalationDue(submitted, At(12, 1, 8, 59), Defaults, Weekdays));
        Assert.True(ReminderRules.RequestEscalationDue(submitted, At(12, 1, 9, 0), Defaults, Weekdays));
    }

    [Fact]
    public void TheDigestGoesOnWorkingDaysFromSevenUntilNoon()
    {
        Assert.False(ReminderRules.DigestDue(At(12, 1, 6, 59), Seven, Noon, Weekdays));
        Assert.True(ReminderRules.DigestDue(At(12, 1, 7, 0), Seven, Noon, Weekdays));
        Assert.True(ReminderRules.DigestDue(At(12, 1, 11, 59), Seven, Noon, Weekdays));
        Assert.False(ReminderRules.DigestDue(At(12, 1, 12, 0), Seven, Noon, Weekdays));
        // Saturday and Christmas.
        Assert.False(ReminderRules.DigestDue(At(11, 28, 7, 0), Seven, Noon, Weekdays));
        Assert.False(ReminderRules.DigestDue(At(12, 25, 7, 0), Seven, Noon, Weekdays));
    }

    [Fact]
    public void RemindersGoOnlyOnWorkingDaysFromTheDigestTime()
    {
        Assert.False(ReminderRules.RemindersRun(At(12, 1, 6, 30), Seven, Weekdays));
        Assert.True(ReminderRules.RemindersRun(At(12, 1, 15, 0), Seven, Weekdays));
        Assert.False(ReminderRules.RemindersRun(At(11, 29, 9, 0), Seven, Weekdays));
    }
}
