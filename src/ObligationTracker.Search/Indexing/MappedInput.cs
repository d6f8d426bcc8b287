using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace ObligationTracker.Search.Indexing;

/// <summary>Reads an index file through one memory mapping whose address is taken once; clones share it and cost one
/// small object.</summary>
/// <remarks>
/// Lucene.Net's own mapped input registers every clone in a weak table (a lock and a GC dependent handle each) so that
/// closing the file can cut them off; a search clones an input for every term in every segment, hundreds of times.
/// Here no clone is tracked: the mapping lives while the file or any clone can reach it, and is unmapped by the GC once
/// none can (<see cref="MappedFile"/>). So a clone read after its file was closed still reads the file's bytes, never
/// freed memory. The price: a deleted segment's file keeps its disk space until the next full collection.
/// </remarks>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly long _length;
    private long _position;
    private bool _closed;

    private MappedInput(string description, MappedFile file)
        : base(description)
    {
        _file = file;
        _length = file.Length;
    }

    public static MappedInput Open(string path) => new($"MappedInput(path=\"{path}\")", MappedFile.Open(path));

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length) throw new EndOfStreamException($"seek to {pos} beyond {_length} bytes: {this}");
        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _length) throw new EndOfStreamException($"read past the end: {this}");
        return _file.Pointer[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len > _length - _position) throw new EndOfStreamException($"read of {len} bytes past the end: {this}");
        new ReadOnlySpan<byte>(_file.Pointer + _position, len).CopyTo(b.AsSpan(offset, len));
        _position += len;
    }

    // Lucene's numbers are big-endian; one bounds check instead of one virtual call per byte.
    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _length - _position) throw new EndOfStreamException($"read of {count} bytes past the end: {this}");
        var span = new ReadOnlySpan<byte>(_file.Pointer + _position, count);
        _position += count;
        return span;
    }

    public override object Clone()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return base.Clone(); // the position is copied; the mapping is shared
    }

    /// <remarks>Lucene disposes the input it opened, never its clones; the mapping outlives both (see the class).</remarks>
    protected override void Dispose(bool disposing) => _closed = true;

    /// <summary>A file's read-only mapping and its address, released when no input refers to it any more.</summary>
    private sealed class MappedFile
    {
        private readonly MemoryMappedFile? _mapping;
        private readonly MemoryMappedViewAccessor? _view;

        private MappedFile(MemoryMappedFile? mapping, MemoryMappedViewAccessor? view, long length)
        {
            (_mapping, _view, Length) = (mapping, view, length);
            if (view is null) return;
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            Pointer = pointer + view.PointerOffset;
        }

        ~MappedFile()
        {
            // Runs before the view handle's own (critical) finalizer, so the handle is still valid here.
            _view?.SafeMemoryMappedViewHandle.ReleasePointer();
            _view?.Dispose();
            _mapping?.Dispose();
        }

        public byte* Pointer { get; }

        public long Length { get; }

        /// <exception cref="FileNotFoundException">No such file (Lucene relies on this type).</exception>
        public static MappedFile Open(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length == 0) return new MappedFile(null, null, 0); // an empty file cannot be mapped; nothing is read from it

            var mapping = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            try
            {
                return new MappedFile(mapping, mapping.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), stream.Length);
            }
            catch
            {
                mapping.Dispose();
                throw;
            }
        }
    }
}
