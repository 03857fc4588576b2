using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.Attendance.Field;

namespace Belu.Portal.Tests.Integration.Postgres;

// Check-in from the field on PostgreSQL: the punch with its location row, the review and the closed day written again.

[Trait("Category", "Postgres")]
public class PostgresFieldCheckInTests(PostgresFakeClockPortalFactory factory) : FieldCheckInTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresFieldReviewTests(PostgresFakeClockPortalFactory factory) : FieldReviewTests(factory), IClassFixture<PostgresFakeClockPortalFactory>;
