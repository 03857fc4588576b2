using System.Threading.Channels;
using Belu.Portal.Features.Notifications;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Belu.Portal.Tests.ScaleOut;

[Trait("Category", "ScaleOut")]
public class RedisEventBusTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly IReadOnlyDictionary<string, Type> TestTypes = new Dictionary<string, Type> { [nameof(TestEvent)] = typeof(TestEvent) };

    private RedisEventBus Bus(string connection, string channel) => new(
        new RedisOptions { ConnectionString = connection, Channel = channel },
        new InProcessEventBus(NullLogger<InProcessEventBus>.Instance),
        NullLogger<RedisEventBus>.Instance,
        TestTypes);

    private static Channel<EventEnvelope> Listen(IEventBus bus)
    {
        var channel = Channel.CreateUnbounded<EventEnvelope>();
        bus.Subscribe(e => { channel.Writer.TryWrite(e); return Task.CompletedTask; });
        return channel;
    }

    /// <summary>Waits until the bus has subscribed to Redis (another test class waits for a portal's bus the same way).</summary>
    internal static async Task WaitConnectedAsync(RedisEventBus bus)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!bus.IsConnected)
        {
            Assert.True(waited.Elapsed < Wait, "Redis did not connect");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task AnEventPublishedOnOneInstanceReachesEveryInstanceOnce()
    {
        var channel = "uji:" + Guid.NewGuid();
        await using var a = Bus(redis.ConnectionString, channel);
        await using var b = Bus(redis.ConnectionString, channel);
        await WaitConnectedAsync(a);
        await WaitConnectedAsync(b);
        var heardByA = Listen(a);
        var heardByB = Listen(b);

        var sent = new TestEvent("Disposisi dari instans A") { RecipientEmployeeIds = [7], UnitId = 3 };
        await a.PublishAsync(new EventEnvelope(sent, ["user-1"], 2));

        var onB = await heardByB.Reader.ReadAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(sent.Id, onB.Event.Id);
        Assert.Equal("Disposisi dari instans A", onB.Event.Summary);
        Assert.Equal(["user-1"], onB.UserIds);
        Assert.Equal(2, onB.OpdId);
        Assert.Equal(sent.Id, (await heardByA.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Event.Id);
        Assert.False(heardByA.Reader.TryRead(out _));
    }

    [Fact]
    public async Task WithRedisUnreachableEventsStillReachThisInstance()
    {
        await using var bus = Bus($"127.0.0.1:{Packages.FreePort()}", "uji:mati");
        var heard = Listen(bus);
        await bus.PublishAsync(new EventEnvelope(new TestEvent("Tetap sampai"), [], null));
        Assert.Equal("Tetap sampai", (await heard.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Event.Summary);
    }

    [Fact]
    public async Task DeliveryAcrossInstancesResumesWhenRedisReturns()
    {
        var server = new RedisServer();
        await server.InitializeAsync();
        try
        {
            var channel = "uji:" + Guid.NewGuid();
            await using var a = Bus(server.ConnectionString, channel);
            await using var b = Bus(server.ConnectionString, channel);
            await WaitConnectedAsync(a);
            await WaitConnectedAsync(b);
            var heardByA = Listen(a);
            var heardByB = Listen(b);

            await server.StopAsync();
            await a.PublishAsync(new EventEnvelope(new TestEvent("Saat Redis mati"), [], null));
            Assert.Equal("Saat Redis mati", (await heardByA.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Event.Summary);

            await server.StartAsync();
            await WaitConnectedAsync(a);
            await WaitConnectedAsync(b);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            // The subscription is restored shortly after the connection; publish until B hears.
            while (!heardByB.Reader.TryPeek(out _))
            {
                Assert.True(waited.Elapsed < Wait, "delivery across instances did not resume");
                await a.PublishAsync(new EventEnvelope(new TestEvent("Setelah Redis kembali"), [], null));
                await Task.Delay(50);
            }
            Assert.Equal("Setelah Redis kembali", (await heardByB.Reader.ReadAsync()).Event.Summary);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnInstanceStartedWhileRedisIsDownJoinsWhenRedisComesUp()
    {
        var server = new RedisServer();
        try
        {
            var channel = "uji:" + Guid.NewGuid();
            // A starts before Redis exists: it serves its own listeners and keeps trying.
            await using var a = Bus(server.ConnectionString, channel);
            var heardByA = Listen(a);
            await a.PublishAsync(new EventEnvelope(new TestEvent("Sebelum Redis ada"), [], null));
            Assert.Equal("Sebelum Redis ada", (await heardByA.Reader.ReadAsync().AsTask().WaitAsync(Wait)).Event.Summary);

            await server.InitializeAsync();
            await using var b = Bus(server.ConnectionString, channel);
            await WaitConnectedAsync(b);
            await WaitConnectedAsync(a);
            var heardByB = Listen(b);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!heardByB.Reader.TryPeek(out _))
            {
                Assert.True(waited.Elapsed < Wait, "the instance started without Redis never reached the others");
                await a.PublishAsync(new EventEnvelope(new TestEvent("Setelah Redis ada"), [], null));
                await Task.Delay(50);
            }
            Assert.Equal("Setelah Redis ada", (await heardByB.Reader.ReadAsync()).Event.Summary);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
