using ObligationTracker.Core.Ingest;
using ObligationTracker.Core.Structure;

namespace ObligationTracker.Core.Pipeline;

/// <summary>Reads a file with the right reader and parses its structure: the first two stages every command shares.
/// Metadata the text leaves out is taken from a <see cref="SourceManifest"/> in the file's folder, where there is one.</summary>
public sealed class RegulationLoader(DocumentReaders readers, RegulationParser parser)
{
    public RegulationLoader()
        : this(new DocumentReaders(), new RegulationParser())
    {
    }

    public DocumentReaders Readers => readers;

    public ParsedFile Load(string path) => Parse(path, readers.ReadFile(path));

    /// <summary>Parses bytes already read (ingest hashes them first), naming them <paramref name="path"/>.</summary>
    public ParsedFile Load(ReadOnlyMemory<byte> bytes, string path)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Parse(path, readers.Read(stream, path));
    }

    private ParsedFile Parse(string path, ReadResult read)
    {
        if (read.Source is null) return new ParsedFile(path, null, read.Diagnostics);
        var regulation = parser.Parse(System.IO.Path.GetFileName(path), read.Source.Text);
        var diagnostics = read.Diagnostics.Concat(regulation.Diagnostics).ToList();
        regulation = _manifests.Complete(path, regulation, diagnostics);
        return new ParsedFile(path, regulation with { Diagnostics = diagnostics }, diagnostics);
    }

    private readonly ManifestCatalog _manifests = new();
}
