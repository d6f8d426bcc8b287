using System.Text.Json;

namespace ObligationTracker.Search.Analysis;

/// <summary>jieba's HMM for runs of Han characters that are no dictionary word (names, new terms): each character is
/// Begin, Middle, End or Single of a word, and Viterbi finds the likeliest labelling. Immutable once loaded.</summary>
/// <remarks>
/// The same model (prob_emit.json, prob_trans.json, jieba's start probabilities) and the same arithmetic and tie-breaking
/// as jieba.NET's FinalSeg.Viterbi, so the words are the same; over arrays instead of a dictionary per character.
/// </remarks>
internal sealed class HanHmm
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private const double MinimumLogProbability = -3.14e100;

    /// <summary>jieba's states in its order, and each state's possible predecessors in its order (ties go to the later).</summary>
    private static readonly int[][] Previous = [[E, S], [M, B], [B, M], [S, E]];

    private static readonly double[] Start = [-0.26268660809250016, MinimumLogProbability, MinimumLogProbability, -1.4652633398537678];

    private readonly double[][] _emit; // [state][character]
    private readonly double[,] _transition; // [from, to]

    private HanHmm(double[][] emit, double[,] transition)
    {
        _emit = emit;
        _transition = transition;
    }

    public static HanHmm Load(string jiebaDirectory)
    {
        var emit = new double[4][];
        for (var s = 0; s < 4; s++)
        {
            emit[s] = new double[char.MaxValue + 1];
            Array.Fill(emit[s], MinimumLogProbability);
        }

        foreach (var (state, table) in Read(Path.Combine(jiebaDirectory, "prob_emit.json")))
            foreach (var (c, p) in table)
                if (c.Length == 1) emit[state][c[0]] = p;

        var transition = new double[4, 4];
        for (var from = 0; from < 4; from++)
            for (var to = 0; to < 4; to++)
                transition[from, to] = MinimumLogProbability;
        foreach (var (from, table) in Read(Path.Combine(jiebaDirectory, "prob_trans.json")))
            foreach (var (to, p) in table)
                transition[from, State(to)] = p;
        return new HanHmm(emit, transition);
    }

    /// <summary>Whether the HMM cuts <paramref name="c"/> itself (jieba's [\u4E00-\u9FD5]); other runs go elsewhere.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>The words of text[start, end), all Han, as the offsets where they end.</summary>
    public void Cut(string text, int start, int end, List<int> ends)
    {
        var n = end - start;
        var score = new double[n * 4];
        var from = new int[n * 4];
        for (var s = 0; s < 4; s++) score[s] = Start[s] + _emit[s][text[start]];
        for (var j = 1; j < n; j++)
        {
            var c = text[start + j];
            for (var s = 0; s < 4; s++)
            {
                var emit = _emit[s][c];
                var best = double.MinValue;
                var bestFrom = 0;
                foreach (var p in Previous[s])
                {
                    var candidate = score[(j - 1) * 4 + p] + _transition[p, s] + emit;
                    if (best <= candidate)
                    {
                        best = candidate;
                        bestFrom = p;
                    }
                }

                score[j * 4 + s] = best;
                from[j * 4 + s] = bestFrom;
            }
        }

        var states = new int[n];
        states[n - 1] = score[(n - 1) * 4 + E] < score[(n - 1) * 4 + S] ? S : E;
        for (var j = n - 1; j > 0; j--) states[j - 1] = from[j * 4 + states[j]];

        // As jieba: a word ends at each E or S, and a Begin left without its End makes the rest one word.
        var next = 0;
        for (var j = 0; j < n; j++)
        {
            if (states[j] is not (E or S)) continue;
            ends.Add(start + j + 1);
            next = j + 1;
        }

        if (next < n) ends.Add(end);
    }

    private static int State(string name) => name switch
    {
        "B" => B,
        "M" => M,
        "E" => E,
        "S" => S,
        _ => throw new FormatException($"jieba's HMM tables name an unknown state '{name}'."),
    };

    private static IEnumerable<(int State, Dictionary<string, double> Table)> Read(string path)
    {
        using var stream = File.OpenRead(path);
        var tables = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(stream)
            ?? throw new FormatException($"{path} holds no HMM table.");
        return tables.Select(p => (State(p.Key), p.Value)).ToList();
    }
}
