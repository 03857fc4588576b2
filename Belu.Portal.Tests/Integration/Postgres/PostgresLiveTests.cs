using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Monitoring;
using Belu.Portal.Tests.Integration.Notifications;

namespace Belu.Portal.Tests.Integration.Postgres;

// Live (notifications, the hub, the board) on PostgreSQL: the same test classes as on SQLite.

[Trait("Category", "Postgres")]
public class PostgresNotificationDeliveryTests(PostgresPortalFactory factory) : NotificationDeliveryTests(factory), IClassFixture<PostgresPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresNotificationsHubTests(PostgresKestrelPortalFactory factory) : NotificationsHubTests(factory), IClassFixture<PostgresKestrelPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresBoardServiceTests(PostgresFakeClockPortalFactory factory) : BoardServiceTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;
