using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Belu.Portal.Bench.Users;

/// <summary>What became of one click.</summary>
internal enum ClickOutcome { Answered, NoRender, Unanswered, Failed }

/// <param name="FirstMs">Send to the first render batch after it.</param>
/// <param name="LastMs">Send to the last render batch before the server finished the event (the list shown).</param>
internal readonly record struct ClickResult(ClickOutcome Outcome, double FirstMs = 0, double LastMs = 0, string? Error = null);

/// <summary>
/// One Blazor Server circuit driven at the protocol level, the way blazor.web.js drives it: the prerendered page's
/// markers, StartCircuit and UpdateRootComponents on /_blazor, every render batch acknowledged (OnRenderCompleted),
/// every JS interop call answered, and a click sent as the browser sends one: BeginInvokeDotNetFromJS
/// "DispatchEventAsync" on the renderer's interop object, with the handler id read from the render batches.
/// </summary>
internal sealed partial class ProtocolCircuit(string baseUrl, string cookieHeader, IReadOnlyList<string> labels) : IAsyncDisposable
{
    private const string MouseClick =
        "{\"type\":\"click\",\"detail\":1,\"screenX\":0,\"screenY\":0,\"clientX\":0,\"clientY\":0,\"offsetX\":0,\"offsetY\":0,\"pageX\":0,\"pageY\":0," +
        "\"movementX\":0,\"movementY\":0,\"button\":0,\"buttons\":0,\"ctrlKey\":false,\"shiftKey\":false,\"altKey\":false,\"metaKey\":false}";

    /// <summary>The values blazor.web.js and MudBlazor's scripts return for the calls this page makes that expect one.</summary>
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeListener.getBrowserWindowSize"] = "{\"height\":768,\"width\":1366}",
        ["mudElementRef.getBoundingClientRect"] =
            "{\"x\":0,\"y\":0,\"width\":1366,\"height\":40,\"top\":0,\"right\":1366,\"bottom\":40,\"left\":0,\"scrollX\":0,\"scrollY\":0,\"windowWidth\":1366,\"windowHeight\":768}",
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int ComponentId, ulong HandlerId)> _targets = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;
    private long _rendererObjectId;
    private int _nextCallId;
    private Pending? _pending;

    private sealed class Pending(string callId, long sent)
    {
        public string CallId { get; } = callId;
        public long Sent { get; } = sent;
        public long FirstBatch { get; set; }
        public long LastBatch { get; set; }
        public TaskCompletionSource<ClickResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Each render batch's handlers, written out when the bench is run with --trace (one circuit's worth is plenty).</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>Why the circuit stopped (the connection closed or the server reported an error), if it did.</summary>
    public string? Failure { get; private set; }

    /// <summary>Called with each render batch as it arrives, before it is acknowledged (the push bench reads the board's lines from it).</summary>
    public Action<byte[]>? OnBatch { get; init; }

    /// <summary>Every label clickable, e.g. for a diagnosis when one is never found.</summary>
    public List<string> SeenLabels { get; } = [];

    /// <summary>GET the page, connect, start the circuit and wait until every labelled control has a handler id.</summary>
    public async Task StartAsync(HttpClient http, string path, TimeSpan timeout)
    {
        var page = await PrerenderedPage.GetAsync(http, baseUrl + path, cookieHeader);
        var builder = new HubConnectionBuilder().WithUrl(baseUrl + "/_blazor", o =>
        {
            o.Headers["Cookie"] = cookieHeader;
            o.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _connection = builder.Build();
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _connection.On<string>("JS.Error", error => Fail("JS.Error: " + error));
        _connection.Closed += error =>
        {
            Fail("connection closed" + (error is null ? "" : ": " + error.Message));
            return Task.CompletedTask;
        };

        await _connection.StartAsync();
        var circuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUrl + "/", page.Url, "[]", page.ApplicationState);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("StartCircuit returned no circuit id");
        }
        await _connection.SendAsync("UpdateRootComponents", page.AddOperationsJson(), page.ApplicationState);
        if (await Task.WhenAny(_ready.Task, Task.Delay(timeout)) != _ready.Task)
        {
            lock (_gate)
            {
                throw new TimeoutException(Failure ?? $"not interactive after {timeout.TotalSeconds:0} s: renderer object {_rendererObjectId}, " +
                    $"found [{string.Join(", ", _targets.Keys)}] of [{string.Join(", ", labels)}]; clickable: [{string.Join(" | ", SeenLabels.Distinct().Take(40))}]");
            }
        }
        await _ready.Task; // a failure before readiness surfaces here
    }

    /// <summary>Clicks the control labelled <paramref name="label"/> and waits for the server to finish the event.</summary>
    public async Task<ClickResult> ClickAsync(string label, TimeSpan timeout)
    {
        Pending click;
        ulong handler;
        lock (_gate)
        {
            if (Failure is not null)
            {
                return new ClickResult(ClickOutcome.Failed, Error: Failure);
            }
            if (!_targets.TryGetValue(label, out var target) || target.HandlerId == 0)
            {
                return new ClickResult(ClickOutcome.Failed, Error: $"'{label}' has no handler any more");
            }
            handler = target.HandlerId;
            click = new Pending((++_nextCallId).ToString(CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
            _pending = click;
        }
        var descriptor = $"{{\"eventHandlerId\":{handler},\"eventName\":\"click\",\"eventFieldInfo\":null}}";
        try
        {
            await _connection!.SendAsync("BeginInvokeDotNetFromJS", click.CallId, null, "DispatchEventAsync", _rendererObjectId, $"[{descriptor},{MouseClick}]");
        }
        catch (Exception ex)
        {
            return new ClickResult(ClickOutcome.Failed, Error: ex.Message);
        }
        if (await Task.WhenAny(click.Done.Task, Task.Delay(timeout)) == click.Done.Task)
        {
            return await click.Done.Task;
        }
        lock (_gate)
        {
            _pending = null;
        }
        return new ClickResult(ClickOutcome.Unanswered);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var now = Stopwatch.GetTimestamp();
        OnBatch?.Invoke(data);
        try
        {
            Track(new RenderBatchReader(data), now);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            Fail($"render batch {batchId} could not be read: {ex.Message}");
        }
        await _connection!.SendAsync("OnRenderCompleted", batchId, null);
    }

    private void Track(RenderBatchReader batch, long now)
    {
        var disposed = batch.DisposedEventHandlerIds();
        var clickables = batch.Clickables();
        Trace?.Invoke($"batch: disposed [{string.Join(",", disposed)}] clickables [{string.Join(" | ", clickables.Select(c => $"{c.ComponentId}:{c.HandlerId}:{c.Text}"))}]");
        lock (_gate)
        {
            foreach (var (label, target) in _targets.ToList())
            {
                if (disposed.Contains(target.HandlerId))
                {
                    _targets[label] = (target.ComponentId, 0); // set again below if the batch rendered the control again
                }
            }
            foreach (var clickable in clickables)
            {
                if (labels.Contains(clickable.Text))
                {
                    _targets[clickable.Text] = (clickable.ComponentId, clickable.HandlerId);
                }
                else if (clickable.Text.Length == 0)
                {
                    // A new handler id on a control already shown (its component rendered again): follow it there.
                    foreach (var (label, target) in _targets.Where(t => t.Value.ComponentId == clickable.ComponentId).ToList())
                    {
                        _targets[label] = (target.ComponentId, clickable.HandlerId);
                    }
                }
                else if (!_ready.Task.IsCompleted)
                {
                    SeenLabels.Add(clickable.Text);
                }
            }
            if (_pending is { } click)
            {
                click.FirstBatch = click.FirstBatch == 0 ? now : click.FirstBatch;
                click.LastBatch = now;
            }
            if (_rendererObjectId != 0 && labels.All(l => _targets.TryGetValue(l, out var t) && t.HandlerId != 0))
            {
                _ready.TrySetResult();
            }
        }
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        var taskId = (long)args[0]!;
        var identifier = (string?)args[1];
        Trace?.Invoke($"js: {identifier} (result type {args[3]}, task {taskId})");
        if (identifier == "Blazor._internal.attachWebRendererInterop" && DotNetObjectPattern().Match((string?)args[2] ?? "") is { Success: true } match)
        {
            lock (_gate)
            {
                _rendererObjectId = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
        if (taskId != 0)
        {
            // Every call succeeds; those whose value the portal reads get what a 1366×768 desktop window would say,
            // the rest no value (a value type read from null would throw inside the portal, which a browser never causes).
            var value = identifier is not null && Answers.TryGetValue(identifier, out var answer) ? answer : "null";
            await _connection!.SendAsync("EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,{value}]");
        }
    }

    private void OnEndInvokeDotNet(string callId, bool succeeded, string result)
    {
        var now = Stopwatch.GetTimestamp();
        Trace?.Invoke($"end {callId}: {succeeded} {result}");
        lock (_gate)
        {
            if (_pending is not { } click || click.CallId != callId)
            {
                return;
            }
            _pending = null;
            var outcome = !succeeded ? new ClickResult(ClickOutcome.Failed, Error: result)
                : click.LastBatch == 0 ? new ClickResult(ClickOutcome.NoRender, Stopwatch.GetElapsedTime(click.Sent, now).TotalMilliseconds)
                : new ClickResult(ClickOutcome.Answered,
                    Stopwatch.GetElapsedTime(click.Sent, click.FirstBatch).TotalMilliseconds,
                    Stopwatch.GetElapsedTime(click.Sent, click.LastBatch).TotalMilliseconds);
            click.Done.TrySetResult(outcome);
        }
    }

    private void Fail(string why)
    {
        lock (_gate)
        {
            Failure ??= why;
            _ready.TrySetException(new InvalidOperationException(why));
            _pending?.Done.TrySetResult(new ClickResult(ClickOutcome.Failed, Error: why));
        }
    }

    [GeneratedRegex("\"__dotNetObject\":(\\d+)")]
    private static partial Regex DotNetObjectPattern();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
