namespace ObligationTracker.Core.Mining.Evaluation;

/// <summary>Precision, recall and F1 from counts; 0 where undefined.</summary>
public readonly record struct PrecisionRecall(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>An accuracy as correct / total; 0 where there is nothing to count.</summary>
public readonly record struct Accuracy(int Correct, int Total)
{
    public double Value => Total == 0 ? 0 : (double)Correct / Total;

    public static Accuracy operator +(Accuracy a, Accuracy b) => new(a.Correct + b.Correct, a.Total + b.Total);
}

/// <summary>FORMAT.md's figures for one document or a whole gold set.</summary>
public sealed record ObligationScores(
    PrecisionRecall Provisions,
    Accuracy Modality,
    PrecisionRecall Addressees,
    PrecisionRecall Deadlines,
    Accuracy DeadlineKind,
    Accuracy DeadlineExact)
{
    public static ObligationScores Empty { get; } = new(default, default, default, default, default, default);

    public static ObligationScores operator +(ObligationScores a, ObligationScores b) => new(
        a.Provisions + b.Provisions,
        a.Modality + b.Modality,
        a.Addressees + b.Addressees,
        a.Deadlines + b.Deadlines,
        a.DeadlineKind + b.DeadlineKind,
        a.DeadlineExact + b.DeadlineExact);
}
