using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace ObligationTracker.Search.Querying;

/// <summary>Scratch windows for <see cref="WordsWeight"/>, reused across searches, and each segment's norms as bytes.</summary>
/// <remarks>A window is handed out clean and must come back clean: its scorer resets each slot as it reads it.</remarks>
internal sealed class ScoreAccumulators
{
    private readonly ConcurrentBag<Window> _free = [];

    public Window Rent() => _free.TryTake(out var window) ? window : new Window();

    public void Return(Window window) => _free.Add(window);

    /// <summary>Slots for <see cref="Size"/> consecutive documents (96 KB: it stays in the processor's second-level cache).</summary>
    internal sealed class Window
    {
        public const int Size = 4096;

        public const int Blocks = Size / 64;

        public Slot[] Slots { get; } = new Slot[Size];

        /// <summary>Documents touched, one bit each.</summary>
        public ulong[] Touched { get; } = new ulong[Blocks];
    }

    /// <summary>What a search has gathered for one document: 24 bytes.</summary>
    internal struct Slot
    {
        /// <summary>Sum of the saturated scores of the word parts' terms.</summary>
        public float WordScore;

        /// <summary>Sum of the saturated scores of the other parts' terms.</summary>
        public float ExtraScore;

        /// <summary>The best score among the terms of the word being added: of those scored over the fields together, and
        /// of those of a field scored alone (see <see cref="WordsQuery.Alternatives"/>).</summary>
        public float Best, BestAlone;

        /// <summary>The weighted, length-normalised frequency of the term being added, not yet saturated.</summary>
        public float Frequency;

        /// <summary>The term (unit) being added, 0 for none.</summary>
        public ushort LastUnit;

        /// <summary>The last word part (1-based) that matched, so a word counts once however many of its terms match.</summary>
        public byte LastWord;

        /// <summary>Word parts matched (low 7 bits), and <see cref="ExtraBit"/> where an extra part matched (even one whose
        /// weight makes its score 0).</summary>
        public byte Words;

        public const byte ExtraBit = 0x80;
    }

    /// <summary>Per segment core and field: the norms as bytes, read once (one array read per posting instead of a
    /// virtual call). Norms do not change with deletions.</summary>
    public byte[]? Norms(AtomicReader reader, string field) =>
        _norms.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal))
            .GetOrAdd(field, f =>
            {
                if (reader.GetNormValues(f) is not { } values) return null;
                var bytes = new byte[reader.MaxDoc];
                for (var doc = 0; doc < bytes.Length; doc++) bytes[doc] = (byte)values.Get(doc);
                return bytes;
            });

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, byte[]?>> _norms = new();
}
