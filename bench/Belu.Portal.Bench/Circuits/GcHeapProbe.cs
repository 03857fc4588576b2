using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Belu.Portal.Bench.Circuits;

/// <summary>The GC heap right after a full, blocking collection, as the runtime reports it.</summary>
/// <param name="HeapBytes">Generations 0–2, large and pinned object heaps after the collection (fragmentation included).</param>
/// <param name="PromotedBytes">Bytes that survived the collection: the live objects.</param>
internal sealed record GcHeapReading(long HeapBytes, long PromotedBytes);

/// <summary>
/// Induces a full GC in another .NET process and reads the heap it leaves, over EventPipe (the runtime's diagnostics
/// IPC channel, the one dotnet-gcdump and dotnet-counters use): enabling the runtime provider with the GCHeapCollect
/// keyword makes the runtime run a blocking gen-2 collection, whose GCHeapStats event gives the generation sizes.
/// The portal needs no code or endpoint for this.
/// </summary>
internal static class GcHeapProbe
{
    public static async Task<GcHeapReading> ReadAsync(int processId, TimeSpan? timeout = null)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)],
            requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var result = new TaskCompletionSource<GcHeapReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inducedFullGc = false;
        source.Clr.GCStart += e =>
        {
            inducedFullGc = e.Depth == 2 && e.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedCompacting;
        };
        source.Clr.GCHeapStats += e =>
        {
            if (inducedFullGc)
            {
                result.TrySetResult(new GcHeapReading(
                    e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4,
                    e.TotalPromoted));
            }
        };
        var processing = Task.Run(source.Process);
        var finished = await Task.WhenAny(result.Task, Task.Delay(timeout ?? TimeSpan.FromSeconds(60)));
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
            // The process went away; the reading (if any) stands.
        }
        await Task.WhenAny(processing, Task.Delay(5000));
        if (finished != result.Task)
        {
            throw new TimeoutException("no full GC was reported over EventPipe");
        }
        return await result.Task;
    }
}
