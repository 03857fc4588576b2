using Belu.Portal.Data;
using Belu.Portal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Belu.Portal.Features.Organization;

/// <summary>
/// The one kept organisation tree of this instance. Nearly every page, check, punch and report needs the tree and it
/// changes a few times a year, so it is read once and kept until it changes: a save touching units or employees in
/// this instance (<see cref="Saves"/>) or an <see cref="OrganizationChanged"/> heard on the event bus from any
/// instance makes the next read load it again. Should an announcement be lost (Redis down), it is reloaded at least
/// every <see cref="Lifetime"/>. Inside a transaction it is read from that transaction and not kept.
/// </summary>
public sealed class OrganizationTreeCache : IDisposable
{
    /// <summary>The key of this instance's <see cref="ReferenceChanges"/> for units and employees (an EF interceptor).</summary>
    public const string SavesKey = "organization-tree";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<PortalDbContext> _dbFactory;
    private readonly ReferenceChanges _saves;
    private readonly IEventBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<OrganizationTreeCache> _logger;
    private readonly IDisposable _subscription;
    private long _announced;
    private Kept? _kept;

    private sealed record Kept(UnitTree Tree, long Version, long LoadedAtMs);

    public OrganizationTreeCache(
        IDbContextFactory<PortalDbContext> dbFactory,
        [FromKeyedServices(SavesKey)] ReferenceChanges saves,
        IEventBus bus,
        TimeProvider time,
        ILogger<OrganizationTreeCache> logger)
    {
        _dbFactory = dbFactory;
        _saves = saves;
        _bus = bus;
        _time = time;
        _logger = logger;
        _subscription = bus.Subscribe(envelope =>
        {
            if (envelope.Event is OrganizationChanged)
            {
                Interlocked.Increment(ref _announced);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>Saves of this instance that touch units or employees.</summary>
    public ReferenceChanges Saves => _saves;

    // Both counters only grow, so their sum changes whenever either does.
    private long Version => _saves.Version + Interlocked.Read(ref _announced);

    /// <summary>The tree, kept or freshly loaded.</summary>
    public async Task<UnitTree> GetAsync(CancellationToken ct = default)
    {
        if (Fresh() is UnitTree kept)
        {
            return kept;
        }
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, ct);
    }

    /// <summary>The tree as the caller's context sees it: kept, unless the context is inside a transaction.</summary>
    public async Task<UnitTree> GetAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null && Fresh() is UnitTree kept)
        {
            return kept;
        }
        return await LoadAsync(db, ct);
    }

    /// <summary>
    /// Tells every instance, this one included, that units changed, after the change is saved. A failed announcement
    /// is logged, never thrown: the change is saved, and other instances catch up within <see cref="Lifetime"/>.
    /// </summary>
    public async Task AnnounceChangeAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _announced);
        try
        {
            await _bus.PublishAsync(new EventEnvelope(new OrganizationChanged { AtUtc = _time.GetUtcNow().UtcDateTime }, [], null), ct);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not announce an organisation change to other instances");
        }
    }

    /// <summary>Units as stored, without keeping them (for the seed, which writes them as it goes).</summary>
    public static async Task<UnitTree> ReadAsync(PortalDbContext db, CancellationToken ct) =>
        new(await db.Units.AsNoTracking()
            .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Code, u.Kind, u.SortOrder, u.IsActive))
            .ToListAsync(ct));

    private UnitTree? Fresh() =>
        _kept is { } kept && kept.Version == Version && Environment.TickCount64 - kept.LoadedAtMs < Lifetime.TotalMilliseconds
            ? kept.Tree : null;

    private async Task<UnitTree> LoadAsync(PortalDbContext db, CancellationToken ct)
    {
        // The version is read before the rows: a change saved while loading makes the next read load again.
        var version = Version;
        var tree = await ReadAsync(db, ct);
        if (db.Database.CurrentTransaction is null)
        {
            _kept = new Kept(tree, version, Environment.TickCount64);
        }
        return tree;
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>Announces on the bus that units changed, so every instance reloads its tree; never stored, never shown.</summary>
public sealed record OrganizationChanged : PortalEvent
{
    public override string Summary => "";

    public override bool ShowOnBoard => false;
}
