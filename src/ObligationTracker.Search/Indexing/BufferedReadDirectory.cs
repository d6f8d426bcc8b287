using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ObligationTracker.Search.Indexing;

/// <summary>Reads the wrapped directory's stored-field data through a managed buffer, 4 KB at a time.</summary>
/// <remarks>
/// Lucene.Net's memory-mapped input takes and releases a SafeHandle for every byte it reads one at a time, and LZ4 reads
/// its tokens a byte at a time: decompressing each hit's stored fields cost a tenth of a search's CPU that way. Copying
/// 4 KB at a time from the mapping into an array turns those reads into array reads. Other files are read directly:
/// postings and terms are read in blocks already, and are opened (cloned) for every term, where a buffer per clone
/// would cost more than it saves. Writing is untouched.
/// </remarks>
internal sealed class BufferedReadDirectory(LuceneDirectory inner) : FilterDirectory(inner)
{
    private const int ReadSize = 4096;

    /// <remarks>Merges read stored fields in bulk (whole compressed chunks) and are left to the mapped input.</remarks>
    public override IndexInput OpenInput(string name, IOContext context) =>
        name.EndsWith(".fdt", StringComparison.Ordinal) && context.Context != IOContext.UsageContext.MERGE
            ? new BufferedInput(name, m_input.OpenInput(name, context))
            : m_input.OpenInput(name, context);

    private sealed class BufferedInput(string name, IndexInput inner) : BufferedIndexInput($"Buffered({name})", ReadSize)
    {
        private IndexInput _inner = inner;
        private bool _isClone;

        public override long Length => _inner.Length;

        /// <remarks>Called with <see cref="BufferedIndexInput.Position"/> at the first byte wanted.</remarks>
        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            _inner.Seek(Position);
            _inner.ReadBytes(b, offset, length);
        }

        protected override void SeekInternal(long pos)
        {
            // ReadInternal seeks the wrapped input itself.
        }

        public override object Clone()
        {
            var clone = (BufferedInput)base.Clone();
            clone._inner = (IndexInput)_inner.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            // Lucene never disposes clones; the original owns the wrapped input (and its mapping).
            if (disposing && !_isClone) _inner.Dispose();
        }
    }
}
