using Belu.Portal.Features.Reports.Pipeline;

namespace Belu.Portal.Tests.Domain.Reports;

/// <summary>A streamed sheet's rows are read ahead of the writer on another thread; order, errors and stopping must hold.</summary>
public class ReadAheadTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, Action<int>? onEach = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            onEach?.Invoke(i);
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task EveryItemArrivesOnceInOrderThroughASmallBuffer()
    {
        var read = new List<int>();
        await foreach (var i in ReadAhead.Of(Numbers(5_000), capacity: 7))
        {
            read.Add(i);
        }
        Assert.Equal(Enumerable.Range(0, 5_000), read);
    }

    [Fact]
    public async Task AFailureOfTheSourceReachesTheReaderAfterTheItemsBeforeIt()
    {
        var read = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var i in ReadAhead.Of(Numbers(100, i => { if (i == 42) throw new InvalidOperationException("baris rusak"); }), capacity: 10))
            {
                read.Add(i);
            }
        });
        Assert.Equal("baris rusak", error.Message);
        Assert.Equal(Enumerable.Range(0, 42), read);
    }

    [Fact]
    public async Task WhenTheReaderStopsTheSourceStopsTooAndIsFinishedBeforeTheLoopReturns()
    {
        var produced = 0;
        var finished = false;
        async IAsyncEnumerable<int> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref produced);
                    await Task.Yield();
                    yield return i;
                }
            }
            finally
            {
                finished = true;
            }
        }

        await foreach (var i in ReadAhead.Of(Endless(), capacity: 16))
        {
            if (i == 100)
            {
                break;
            }
        }
        // The source's own finally has run before the loop returned, so it cannot produce any more.
        Assert.True(finished);
        Assert.InRange(Volatile.Read(ref produced), 101, 101 + 16 + 1);
    }

    [Fact]
    public async Task ACancelledDownloadCancelsTheSource()
    {
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var i in ReadAhead.Of(Numbers(1_000_000), capacity: 8, cancel.Token))
            {
                if (i == 10)
                {
                    cancel.Cancel();
                }
            }
        });
    }
}
