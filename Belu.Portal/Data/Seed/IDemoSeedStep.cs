namespace Belu.Portal.Data.Seed;

/// <summary>
/// A feature's part of the demo data (letters, attendance...). The demo seeder runs every registered step in
/// <see cref="Order"/> after the organisation and accounts exist. Each step must be idempotent: it checks what is
/// already there and adds only what is missing.
/// </summary>
public interface IDemoSeedStep
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken = default);

    /// <summary>The demo accounts this step adds, so the start-up banner can list every one of them.</summary>
    IReadOnlyList<DemoSeeder.DemoAccount> Accounts => [];
}
