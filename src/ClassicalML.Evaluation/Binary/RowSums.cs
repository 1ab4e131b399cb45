namespace ClassicalML.Evaluation;

/// <summary>
/// The per-row part of <see cref="BinaryEvaluation.Evaluate"/> in one pass: confusion counts at the threshold, and the
/// log-loss and Brier sums in row order (the order the sums have always been taken in, so the means are bit-identical)
/// up to the first score outside [0, 1], after which only the counts go on.
/// </summary>
internal readonly struct RowSums
{
    private RowSums(ConfusionTally counts, double logLossSum, double brierSum, int firstNonProbability)
    {
        Counts = counts;
        LogLossSum = logLossSum;
        BrierSum = brierSum;
        FirstNonProbability = firstNonProbability;
    }

    /// <summary>The confusion counts (score ≥ threshold is predicted positive).</summary>
    internal ConfusionTally Counts { get; }

    /// <summary>Σ <see cref="BinaryEvaluation.LogLossTerm"/> over the rows, first to last (meaningless when <see cref="FirstNonProbability"/> ≥ 0).</summary>
    internal double LogLossSum { get; }

    /// <summary>Σ <see cref="BinaryEvaluation.BrierTerm"/> over the rows, first to last (meaningless when <see cref="FirstNonProbability"/> ≥ 0).</summary>
    internal double BrierSum { get; }

    /// <summary>The index of the first score outside [0, 1], or −1 when every score is a probability.</summary>
    internal int FirstNonProbability { get; }

    /// <summary>Makes the pass. Inputs must be validated (equal lengths, finite scores).</summary>
    /// <param name="labels">The labels.</param>
    /// <param name="scores">The scores.</param>
    /// <param name="threshold">Score ≥ threshold is predicted positive.</param>
    /// <param name="logLossSum">The log-loss sum when the caller has it already (<see cref="TieCounts"/>, the same bits); null to compute it here.</param>
    internal static RowSums From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold, double? logLossSum = null)
    {
        bool computeLogLoss = logLossSum is null;
        var counter = default(RowCounter);
        double logLoss = 0.0;
        double brierSum = 0.0;
        int first = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            bool positive = labels[i];
            counter.Add(positive, s >= threshold);
            if (s is < 0.0 or > 1.0)
            {
                first = i;
                break;
            }

            if (computeLogLoss)
            {
                logLoss += BinaryEvaluation.LogLossTerm(s, positive);
            }

            brierSum += BinaryEvaluation.BrierTerm(s, positive);
        }

        var counts = default(ConfusionTally);
        counts.Add(counter, first < 0 ? scores.Length : first + 1);
        if (first >= 0)
        {
            counts.Add(labels[(first + 1)..], scores[(first + 1)..], threshold);
        }

        return new RowSums(counts, logLossSum ?? logLoss, brierSum, first);
    }
}
