using Belu.Portal.Features.Accounts;
using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Audit;
using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Features.Letters;
using Belu.Portal.Features.Organization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Belu.Portal.Data;

/// <summary>
/// The portal's one database. Entity mappings live beside their features (IEntityTypeConfiguration);
/// components never hold a context: they ask a service, which opens one per operation. Contexts are pooled (see
/// <see cref="DataExtensions"/>), so the options are the untyped kind, which the provider's subtype shares.
/// </summary>
public class PortalDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys: cookies survive restarts and are valid on every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Features.Organization.Acting.ActingAppointment> ActingAppointments => Set<Features.Organization.Acting.ActingAppointment>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DisplayToken> DisplayTokens => Set<DisplayToken>();

    public DbSet<Features.Accounts.Sessions.AccountSession> AccountSessions => Set<Features.Accounts.Sessions.AccountSession>();

    public DbSet<Features.Accounts.SignInThrottling.SignInThrottle> SignInThrottles => Set<Features.Accounts.SignInThrottling.SignInThrottle>();

    public DbSet<RecentEvent> RecentEvents => Set<RecentEvent>();

    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    public DbSet<Features.Notifications.Channels.NotificationPreference> NotificationPreferences => Set<Features.Notifications.Channels.NotificationPreference>();

    public DbSet<Features.Notifications.Channels.ChannelMessage> ChannelMessages => Set<Features.Notifications.Channels.ChannelMessage>();

    public DbSet<Features.Notifications.Channels.ReminderMark> ReminderMarks => Set<Features.Notifications.Channels.ReminderMark>();

    public DbSet<IncomingLetter> IncomingLetters => Set<IncomingLetter>();

    public DbSet<Disposition> Dispositions => Set<Disposition>();

    public DbSet<LetterCopy> LetterCopies => Set<LetterCopy>();

    public DbSet<LetterGrant> LetterGrants => Set<LetterGrant>();

    public DbSet<LetterFile> LetterFiles => Set<LetterFile>();

    public DbSet<Features.Letters.Srikandi.SrikandiRecord> SrikandiRecords => Set<Features.Letters.Srikandi.SrikandiRecord>();

    public DbSet<LetterCounter> LetterCounters => Set<LetterCounter>();

    public DbSet<LetterTrackEntry> LetterTrack => Set<LetterTrackEntry>();

    public DbSet<OutgoingLetter> OutgoingLetters => Set<OutgoingLetter>();

    public DbSet<DispositionInstruction> DispositionInstructions => Set<DispositionInstruction>();
    public DbSet<Features.ElectronicLetters.ElectronicDraft> ElectronicDrafts => Set<Features.ElectronicLetters.ElectronicDraft>();

    public DbSet<Features.ElectronicLetters.DraftStep> DraftSteps => Set<Features.ElectronicLetters.DraftStep>();

    public DbSet<Features.ElectronicLetters.DraftVersion> DraftVersions => Set<Features.ElectronicLetters.DraftVersion>();

    public DbSet<Features.ElectronicLetters.DraftHistoryEntry> DraftHistory => Set<Features.ElectronicLetters.DraftHistoryEntry>();

    public DbSet<Features.ElectronicLetters.UnitLetterhead> UnitLetterheads => Set<Features.ElectronicLetters.UnitLetterhead>();

    public DbSet<Punch> Punches => Set<Punch>();

    public DbSet<AttendanceDay> AttendanceDays => Set<AttendanceDay>();

    public DbSet<AttendanceRequest> AttendanceRequests => Set<AttendanceRequest>();

    public DbSet<Features.Attendance.Leave.LeaveOpeningBalance> LeaveOpeningBalances => Set<Features.Attendance.Leave.LeaveOpeningBalance>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<WorkSchedule> WorkSchedules => Set<WorkSchedule>();

    public DbSet<PenaltyRate> PenaltyRates => Set<PenaltyRate>();

    public DbSet<AttendanceDevice> AttendanceDevices => Set<AttendanceDevice>();

    public DbSet<EmployeePin> EmployeePins => Set<EmployeePin>();

    public DbSet<AttendanceState> AttendanceStates => Set<AttendanceState>();

    public DbSet<KioskRedemption> KioskRedemptions => Set<KioskRedemption>();

    public DbSet<Features.Attendance.Devices.MachineLine> MachineLines => Set<Features.Attendance.Devices.MachineLine>();

    public DbSet<Features.Attendance.Devices.MachineEvent> MachineEvents => Set<Features.Attendance.Devices.MachineEvent>();

    public DbSet<Features.Attendance.Devices.Commands.MachineCommand> MachineCommands => Set<Features.Attendance.Devices.Commands.MachineCommand>();

    public DbSet<Features.Attendance.Devices.Commands.MachineStatus> MachineStatuses => Set<Features.Attendance.Devices.Commands.MachineStatus>();

    /// <summary>Each explicit opening is undone by one close; nested openings need as many.</summary>
    private const int MaxNestedOpenings = 8;

    private bool IsOpen() => Database.GetDbConnection().State != System.Data.ConnectionState.Closed;

    /// <summary>
    /// Closes a connection the caller opened (<c>OpenConnectionAsync</c>) before the context goes back to the pool. A
    /// pooled context returned with its connection open kept a count of that opening: the next lease's first query
    /// then left its connection open, and on PostgreSQL a check-in held a pooled connection while it waited for the
    /// punch writer, which itself waited for a connection (the pool ran dry under the morning rush).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            for (var i = 0; i < MaxNestedOpenings && IsOpen(); i++)
            {
                await Database.CloseConnectionAsync();
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed twice (a scope and a using): already back in the pool.
        }
        await base.DisposeAsync();
    }

    public override void Dispose()
    {
        try
        {
            for (var i = 0; i < MaxNestedOpenings && IsOpen(); i++)
            {
                Database.CloseConnection();
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed twice (a scope and a using): already back in the pool.
        }
        base.Dispose();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored in UTC and read back as UTC; local (WITA) time exists only at the edges.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
