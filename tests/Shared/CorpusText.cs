using ObligationTracker.Core.Ingest;

namespace ObligationTracker;

/// <summary>Reads a corpus file the way ingest does (the readers' normalised text), for tests and tools.</summary>
internal static class CorpusText
{
    private static readonly DocumentReaders Readers = new();

    public static string ReadNormalised(string path)
    {
        var read = Readers.ReadFile(path);
        return read.Source?.Text
            ?? throw new InvalidDataException($"{path} could not be read: {string.Join("; ", read.Diagnostics)}");
    }
}
