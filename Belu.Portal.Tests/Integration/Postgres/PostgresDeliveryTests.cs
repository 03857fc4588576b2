using Belu.Portal.Tests.Infrastructure;
using Belu.Portal.Tests.Integration.ElectronicLetters;

namespace Belu.Portal.Tests.Integration.Postgres;

// Delivery on PostgreSQL: the counters are row locks there, taken inside the signer's transaction.
[Trait("Category", "Postgres")]
public class PostgresDeliveryTests(PostgresPortalFactory factory) : DeliveryTests(factory), IClassFixture<PostgresPortalFactory>;

[Trait("Category", "Postgres")]
public class PostgresDispatchRecordTests(PostgresPortalFactory factory) : DispatchRecordTests(factory), IClassFixture<PostgresPortalFactory>;
