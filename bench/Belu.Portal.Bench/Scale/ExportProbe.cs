using System.Diagnostics;
using System.Globalization;

namespace Belu.Portal.Bench.Scale;

/// <summary>
/// The response body of a timed export: counts the bytes, notes when the first of them arrived (the first byte a
/// browser would see) and optionally keeps them in a file, so the workbook can be opened afterwards.
/// </summary>
internal sealed class FirstByteStream(long started, string? keepAs) : Stream
{
    private readonly FileStream? _file = keepAs is null ? null : File.Create(keepAs);
    private long _length;

    /// <summary>Seconds from the start of the export to its first byte; null while nothing was written.</summary>
    public double? FirstByteSeconds { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position { get => _length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length > 0 && FirstByteSeconds is null)
        {
            FirstByteSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        _length += buffer.Length;
        _file?.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush() => _file?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>The process's resident memory from /proc (Linux): its peak since the last reset, and now.</summary>
internal static class ResidentMemory
{
    /// <summary>Resets the peak (VmHWM) to the current resident set, so the peak measured is the export's own.</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Environment.ProcessId}/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("(the peak resident set could not be reset: the peak includes start-up)");
        }
    }

    /// <summary>VmHWM and VmRSS of this process, in KB.</summary>
    public static (long Peak, long Current) Read()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{Environment.ProcessId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kb(line);
            }
        }
        return (peak, current);
    }

    private static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
