using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Monitoring;
using Belu.Portal.Tests.Integration.Notifications;

namespace Belu.Portal.Tests.Integration.Postgres;

// Live (notifications, the hub, the board) on PostgreSQL: the same test classes as on SQLite.

public class PostgresNotificationDeliveryTests(PostgresPortalFactory factory) : NotificationDeliveryTests(factory), IClassFixture<PostgresPortalFactory>;

public class PostgresNotificationsHubTests(PostgresKestrelPortalFactory factory) : NotificationsHubTests(factory), IClassFixture<PostgresKestrelPortalFactory>;

public class PostgresBoardServiceTests(PostgresFakeClockPortalFactory factory) : BoardServiceTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;
