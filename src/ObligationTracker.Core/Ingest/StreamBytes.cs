namespace ObligationTracker.Core.Ingest;

/// <summary>The bytes of a stream, without a copy when <see cref="DocumentReaders"/> already holds them in memory.</summary>
internal static class StreamBytes
{
    public static ArraySegment<byte> ReadAll(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
            return buffer.Slice((int)memory.Position);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
