using System.Collections.Concurrent;

namespace ObligationTracker.Search.Querying;

/// <summary>Per-document scratch arrays for <see cref="WordsQuery"/>, reused across searches: a segment of 200,000 articles
/// needs 3 MB of them, which allocated per search would keep the garbage collector busy.</summary>
/// <remarks>Each array is handed out clean and must come back clean: only the entries a search touched are reset.</remarks>
internal sealed class ScoreAccumulators
{
    private readonly ConcurrentBag<Accumulator> _free = [];

    public Accumulator Rent(int maxDoc)
    {
        while (_free.TryTake(out var accumulator))
            if (accumulator.Capacity >= maxDoc) return accumulator;
        return new Accumulator(maxDoc);
    }

    public void Return(Accumulator accumulator) => _free.Add(accumulator);

    /// <summary>Scratch state per document number within a segment: one array of small records, so that adding a posting
    /// touches one cache line (the postings of a broad word are spread over the whole segment).</summary>
    internal sealed class Accumulator(int capacity)
    {
        public int Capacity { get; } = capacity;

        public Slot[] Slots { get; } = new Slot[capacity];

        /// <summary>Documents touched, one bit each.</summary>
        public ulong[] Touched { get; } = new ulong[(capacity + 63) / 64];
    }

    internal struct Slot
    {
        /// <summary>Sum of the saturated scores of the word parts' terms.</summary>
        public float WordScore;

        /// <summary>Sum of the saturated scores of the other parts' terms.</summary>
        public float ExtraScore;

        /// <summary>The weighted, length-normalised frequency of the term being added, not yet saturated.</summary>
        public float Frequency;

        /// <summary>The term (unit) being added, 0 for none.</summary>
        public ushort LastUnit;

        /// <summary>The last word part (1-based) that matched, so a word counts once however many of its terms match.</summary>
        public ushort LastWord;

        /// <summary>Word parts matched.</summary>
        public ushort Words;

        /// <summary>Whether an extra part matched (even where its weight makes its score 0).</summary>
        public bool Extra;
    }
}
