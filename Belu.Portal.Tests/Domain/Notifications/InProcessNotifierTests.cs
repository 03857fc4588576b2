using Belu.Portal.Features.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace Belu.Portal.Tests.Domain.Notifications;

public class InProcessNotifierTests
{
    private sealed record Ping(string Text) : PortalEvent
    {
        public override string Summary => Text;
    }

    [Fact]
    public async Task EverySubscriberReceivesEachEventOnce()
    {
        var notifier = new InProcessNotifier(NullLogger<InProcessNotifier>.Instance);
        var a = new List<string>();
        var b = new List<string>();
        using var sa = notifier.Subscribe(e => { a.Add(e.Summary); return Task.CompletedTask; });
        using var sb = notifier.Subscribe(e => { b.Add(e.Summary); return Task.CompletedTask; });
        await notifier.PublishAsync(new Ping("satu"));
        Assert.Equal(["satu"], a);
        Assert.Equal(["satu"], b);
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothingMore()
    {
        var notifier = new InProcessNotifier(NullLogger<InProcessNotifier>.Instance);
        var count = 0;
        var subscription = notifier.Subscribe(_ => { count++; return Task.CompletedTask; });
        await notifier.PublishAsync(new Ping("1"));
        subscription.Dispose();
        subscription.Dispose();
        await notifier.PublishAsync(new Ping("2"));
        Assert.Equal(1, count);
        Assert.Equal(0, notifier.SubscriberCount);
    }

    [Fact]
    public async Task AFailingSubscriberDoesNotStopTheOthers()
    {
        var notifier = new InProcessNotifier(NullLogger<InProcessNotifier>.Instance);
        var delivered = false;
        using var bad = notifier.Subscribe(_ => throw new InvalidOperationException("rusak"));
        using var good = notifier.Subscribe(_ => { delivered = true; return Task.CompletedTask; });
        await notifier.PublishAsync(new Ping("x"));
        Assert.True(delivered);
    }
}
