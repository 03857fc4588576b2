using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance;

namespace Belu.Portal.Tests.Integration.Postgres;

// E-Absen on PostgreSQL: the same test classes as on SQLite, each over a database of its own on the shared cluster.

[Trait("Category", "Postgres")]
public class PostgresWebCheckInTests(PostgresFakeClockPortalFactory factory) : WebCheckInTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresKioskCheckInTests(PostgresFakeClockPortalFactory factory) : KioskCheckInTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDeviceEndpointTests(PostgresFakeClockPortalFactory factory) : DeviceEndpointTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresAdmsTests(PostgresFakeClockPortalFactory factory) : AdmsTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresImportTests(PostgresFakeClockPortalFactory factory) : ImportTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresRequestTests(PostgresFakeClockPortalFactory factory) : RequestTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDailyCloseTests(PostgresFakeClockPortalFactory factory) : DailyCloseTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDailyCloseCatchUpTests(PostgresFakeClockPortalFactory factory) : DailyCloseCatchUpTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDailyCloseFreshInstallTests(PostgresEmptyPortalFactory factory) : DailyCloseFreshInstallTests(factory), IClassFixture<PostgresEmptyPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresAdminAttendanceTests(PostgresFakeClockPortalFactory factory) : AdminAttendanceTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDisciplineWatchTests(PostgresFakeClockPortalFactory factory) : DisciplineWatchTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresAttendancePagesTests(PostgresFakeClockPortalFactory factory) : AttendancePagesTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresAttendanceSeedTests(PostgresPortalFactory factory) : AttendanceSeedTests(factory), IClassFixture<PostgresPortalFactory>;
