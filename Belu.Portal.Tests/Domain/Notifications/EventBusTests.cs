using Belu.Portal.Features.Monitoring;
using Belu.Portal.Features.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace Belu.Portal.Tests.Domain.Notifications;

public class EventBusTests
{
    private sealed record Ping(string Text) : PortalEvent
    {
        public override string Summary => Text;
    }

    private static EventEnvelope Envelope(string text) => new(new Ping(text), [], null);

    [Fact]
    public async Task EverySubscriberReceivesEachEnvelopeOnce()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var a = new List<string>();
        var b = new List<string>();
        using var sa = bus.Subscribe(e => { a.Add(e.Event.Summary); return Task.CompletedTask; });
        using var sb = bus.Subscribe(e => { b.Add(e.Event.Summary); return Task.CompletedTask; });
        await bus.PublishAsync(Envelope("satu"));
        Assert.Equal(["satu"], a);
        Assert.Equal(["satu"], b);
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMore()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var count = 0;
        var subscription = bus.Subscribe(_ => { count++; return Task.CompletedTask; });
        await bus.PublishAsync(Envelope("1"));
        subscription.Dispose();
        subscription.Dispose();
        await bus.PublishAsync(Envelope("2"));
        Assert.Equal(1, count);
        Assert.Equal(0, bus.SubscriberCount);
    }

    [Fact]
    public async Task AFailingSubscriberDoesNotStopTheOthers()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var delivered = false;
        using var bad = bus.Subscribe(_ => throw new InvalidOperationException("rusak"));
        using var good = bus.Subscribe(_ => { delivered = true; return Task.CompletedTask; });
        await bus.PublishAsync(Envelope("x"));
        Assert.True(delivered);
    }

    [Fact]
    public void ARegencyBoardCoversEveryOpd()
    {
        Assert.True(BoardScope.Regency.Covers(5));
        Assert.True(BoardScope.Regency.Covers(null));
    }

    [Fact]
    public void AnOpdBoardCoversOnlyItsOpdsAndRegencyWideEvents()
    {
        var scope = DisplayClaims.Parse("3,7");
        Assert.False(scope.IsRegency);
        Assert.True(scope.Covers(3));
        Assert.True(scope.Covers(7));
        Assert.False(scope.Covers(4));
        Assert.True(scope.Covers(null));
        Assert.True(DisplayClaims.Parse("").IsRegency);
    }
}
