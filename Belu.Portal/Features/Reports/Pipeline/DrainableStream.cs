namespace Belu.Portal.Features.Reports.Pipeline;

/// <summary>
/// Collects what synchronous writers (zip, XML) produce, so that it reaches the response through asynchronous
/// writes (Kestrel forbids synchronous ones). The streaming writer drains it every few rows: memory stays flat.
/// </summary>
internal sealed class DrainableStream : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    /// <summary>Bytes waiting to be drained.</summary>
    public override long Length => _pending.Length;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public async Task DrainAsync(Stream target, CancellationToken ct)
    {
        if (_pending.Length == 0)
        {
            return;
        }
        await target.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        await target.FlushAsync(ct);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush()
    {
        // Bytes leave only through DrainAsync.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
