using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;

namespace Belu.Portal.Tests.Integration.Postgres;

// E-Absen on PostgreSQL: the same test classes as on SQLite, each over a database of its own on the shared cluster.

public class PostgresWebCheckInTests(PostgresFakeClockPortalFactory factory) : WebCheckInTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresKioskCheckInTests(PostgresFakeClockPortalFactory factory) : KioskCheckInTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresDeviceEndpointTests(PostgresFakeClockPortalFactory factory) : DeviceEndpointTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresAdmsTests(PostgresFakeClockPortalFactory factory) : AdmsTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresImportTests(PostgresFakeClockPortalFactory factory) : ImportTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresRequestTests(PostgresFakeClockPortalFactory factory) : RequestTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresDailyCloseTests(PostgresFakeClockPortalFactory factory) : DailyCloseTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresDailyCloseCatchUpTests(PostgresFakeClockPortalFactory factory) : DailyCloseCatchUpTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresDailyCloseFreshInstallTests(PostgresEmptyPortalFactory factory) : DailyCloseFreshInstallTests(factory), IClassFixture<PostgresEmptyPortalFactory>;

public class PostgresAdminAttendanceTests(PostgresFakeClockPortalFactory factory) : AdminAttendanceTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresDisciplineWatchTests(PostgresFakeClockPortalFactory factory) : DisciplineWatchTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresAttendancePagesTests(PostgresFakeClockPortalFactory factory) : AttendancePagesTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

public class PostgresAttendanceSeedTests(PostgresPortalFactory factory) : AttendanceSeedTests(factory), IClassFixture<PostgresPortalFactory>;
