using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ObligationTracker.Search.Querying;

/// <summary>The scorer of <see cref="WordsWeight"/>: a window of documents at a time, every term's postings added to it.</summary>
internal sealed partial class WordsWeight
{
    /// <summary>One term's postings in a segment, and what adding them needs.</summary>
    private sealed class Cursor(DocsEnum postings, ushort number, Unit unit, float fieldWeight, byte[]? norms, float[] inverse)
    {
        public DocsEnum Postings { get; } = postings;

        public ushort Number { get; } = number;

        public Unit Unit { get; } = unit;

        public float FieldWeight { get; } = fieldWeight;

        public byte[]? Norms { get; } = norms;

        public float[] Inverse { get; } = inverse;

        /// <summary>The next posting not yet added.</summary>
        public int Doc { get; set; }

        public WordsWeight Weight { get; set; } = null!;
    }

    /// <summary>Scores the segment a window of <see cref="ScoreAccumulators.Window.Size"/> documents at a time: every
    /// term's postings in the window are added to the window's slots, which then are read in document order and reset.
    /// The slots of a window stay in the processor's cache, where slots for the whole segment (megabytes) did not.</summary>
    /// <remarks>The window goes back to the pool once the segment is done; a scorer left unfinished keeps it, dirty.</remarks>
    private sealed class WindowScorer : Scorer
    {
        private readonly WordsWeight _weight;
        private readonly Cursor[] _cursors;
        private readonly ScoreAccumulators.Window _window;
        private int _start;
        private int _block = ScoreAccumulators.Window.Blocks;
        private ulong _bits;
        private int _doc = -1;
        private float _score;

        public WindowScorer(WordsWeight weight, Cursor[] cursors)
            : base(weight)
        {
            _weight = weight;
            _cursors = cursors;
            foreach (var cursor in cursors) cursor.Weight = weight;
            _window = weight._accumulators.Rent();
        }

        public override int DocID => _doc;

        public override int Freq => 1;

        public override int NextDoc()
        {
            var touched = _window.Touched;
            while (true)
            {
                while (_bits == 0)
                {
                    if (++_block < ScoreAccumulators.Window.Blocks)
                    {
                        _bits = touched[_block];
                        touched[_block] = 0;
                        continue;
                    }

                    if (!NextWindow())
                    {
                        if (_doc != NO_MORE_DOCS) _weight._accumulators.Return(_window);
                        return _doc = NO_MORE_DOCS;
                    }

                    _block = -1;
                }

                var local = (_block << 6) + BitOperations.TrailingZeroCount(_bits);
                _bits &= _bits - 1;
                var score = _weight.Take(ref _window.Slots[local]);
                if (float.IsNaN(score)) continue;
                _score = score;
                return _doc = _start + local;
            }
        }

        /// <summary>Fills the window holding the lowest posting not yet added; false when none is left.</summary>
        private bool NextWindow()
        {
            var next = NO_MORE_DOCS;
            foreach (var cursor in _cursors) next = Math.Min(next, cursor.Doc);
            if (next == NO_MORE_DOCS) return false;
            _start = next & ~(ScoreAccumulators.Window.Size - 1);
            Fill(_cursors, _window, _start, _start + ScoreAccumulators.Window.Size);
            return true;
        }

        public override int Advance(int target)
        {
            int doc;
            while ((doc = NextDoc()) < target)
            {
            }

            return doc;
        }

        public override float GetScore() => _score;

        public override long GetCost() => _cursors.Sum(c => c.Postings.GetCost());
    }
}
