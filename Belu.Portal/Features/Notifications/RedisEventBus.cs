using StackExchange.Redis;

namespace Belu.Portal.Features.Notifications;

/// <summary>Scale-out settings (section "Redis"). Without a connection string the portal runs as one process.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    public string? ConnectionString { get; set; }

    public string Channel { get; set; } = "belu-portal:events";
}

/// <summary>
/// Carries envelopes between portal instances over Redis pub/sub; each instance (this one included) delivers what
/// it receives to its own listeners. When Redis is unreachable the event is still delivered on this instance and
/// the outage is logged; the connection heals by itself and delivery across instances resumes.
/// </summary>
public sealed class RedisEventBus : IEventBus, IAsyncDisposable
{
    private readonly InProcessEventBus _local;
    private readonly ILogger<RedisEventBus> _logger;
    private readonly RedisChannel _channel;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly Task<ConnectionMultiplexer> _connection;
    private readonly IReadOnlyDictionary<string, Type>? _extraTypes;
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private volatile bool _subscribed;

    public RedisEventBus(RedisOptions options, InProcessEventBus local, ILogger<RedisEventBus> logger, IReadOnlyDictionary<string, Type>? extraTypes = null)
    {
        _local = local;
        _logger = logger;
        _extraTypes = extraTypes;
        _channel = RedisChannel.Literal(options.Channel);
        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        // Start even when Redis is down; the multiplexer keeps reconnecting in the background.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 3000;
        // Retry every second rather than backing off: an instance rejoins within moments of Redis answering again.
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        _connection = ConnectAsync(configuration);
    }

    /// <summary>True once the subscription to the channel is live.</summary>
    public bool IsConnected => _subscribed && _connection.IsCompletedSuccessfully && _connection.Result.IsConnected;

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        connection.ConnectionFailed += (_, e) => _logger.LogWarning("Redis connection lost ({FailureType}); events reach this instance only until it returns", e.FailureType);
        connection.ConnectionRestored += (_, _) =>
        {
            _logger.LogInformation("Redis connection restored; events reach every instance again");
            _ = SubscribeAsync(connection);
        };
        if (!connection.IsConnected)
        {
            _logger.LogWarning("Redis unreachable at start-up; events reach this instance only until it answers");
        }
        await SubscribeAsync(connection);
        return connection;
    }

    /// <summary>
    /// Subscribes once. An instance that started while Redis was down cannot subscribe yet: it tries again when the
    /// connection comes up (afterwards the multiplexer itself restores the subscription after every outage).
    /// </summary>
    private async Task SubscribeAsync(ConnectionMultiplexer connection)
    {
        await _subscribing.WaitAsync();
        try
        {
            if (_subscribed || !connection.IsConnected)
            {
                return;
            }
            await connection.GetSubscriber().SubscribeAsync(_channel, (channel, message) => _ = ReceiveAsync(message));
            _subscribed = true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Redis subscription failed; retrying when the connection is restored");
        }
        finally
        {
            _subscribing.Release();
        }
    }

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _connection.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            if (connection.IsConnected)
            {
                await connection.GetSubscriber().PublishAsync(_channel, EventJson.Serialize(envelope, _origin));
                return;
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "Redis publish failed for {EventType} {EventId}; delivering on this instance only", envelope.Event.Kind, envelope.Event.Id);
        }
        await _local.PublishAsync(envelope, cancellationToken);
    }

    public IDisposable Subscribe(Func<EventEnvelope, Task> handler) => _local.Subscribe(handler);

    private async Task ReceiveAsync(RedisValue message)
    {
        try
        {
            var received = EventJson.Deserialize(message!, _extraTypes);
            if (received is null)
            {
                _logger.LogWarning("Skipped an event of a type this instance does not know");
                return;
            }
            await _local.PublishAsync(received.Value.Envelope);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A message on the Redis event channel could not be delivered");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsCompletedSuccessfully)
        {
            await _connection.Result.DisposeAsync();
        }
    }
}
