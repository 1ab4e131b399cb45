namespace ClassicalML.Evaluation;

/// <summary>
/// The per-row part of <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> in one pass: confusion counts at the threshold, and the
/// log-loss and Brier sums in row order (the order the sums have always been taken in, so the means are bit-identical)
/// up to the first score outside [0, 1], after which only the counts go on.
/// </summary>
internal readonly partial struct RowSums
{
    private RowSums(ConfusionTally counts, double logLossSum, double brierSum, int firstNonProbability, ConfusionWeights? weights = null)
    {
        Counts = counts;
        LogLossSum = logLossSum;
        BrierSum = brierSum;
        FirstNonProbability = firstNonProbability;
        Weights = weights;
        TotalWeight = weights?.Total ?? counts.Total;
    }

    /// <summary>The weighted confusion cells, or null when the rows are unweighted.</summary>
    internal ConfusionWeights? Weights { get; }

    /// <summary>The denominator of the loss means: Σ w, or the number of rows when unweighted.</summary>
    internal double TotalWeight { get; }

    /// <summary>The confusion counts (score ≥ threshold is predicted positive).</summary>
    internal ConfusionTally Counts { get; }

    /// <summary>Σ (w·)<see cref="BinaryEvaluation.LogLossTerm"/> over the rows, first to last (meaningless when <see cref="FirstNonProbability"/> ≥ 0).</summary>
    internal double LogLossSum { get; }

    /// <summary>Σ (w·)<see cref="BinaryEvaluation.BrierTerm"/> over the rows, first to last (meaningless when <see cref="FirstNonProbability"/> ≥ 0).</summary>
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

    /// <summary>
    /// The pass with row weights: row counts as unweighted, the four cells as sums of weights, and the loss sums
    /// Σ w·term in row order (weights of 1 give the unweighted sums bit for bit). Inputs must be validated.
    /// </summary>
    internal static RowSums From(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double threshold)
    {
        var counter = default(RowCounter);
        double tp = 0, fp = 0, tn = 0, fn = 0;
        double logLossSum = 0.0;
        double brierSum = 0.0;
        int first = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            double w = weights[i];
            bool positive = labels[i];
            bool predicted = s >= threshold;
            counter.Add(positive, predicted);
            if (positive) { if (predicted) { tp += w; } else { fn += w; } }
            else if (predicted) { fp += w; }
            else { tn += w; }

            if (first >= 0)
            {
                continue;
            }

            if (s is < 0.0 or > 1.0)
            {
                first = i;
                continue;
            }

            logLossSum += w * BinaryEvaluation.LogLossTerm(s, positive);
            brierSum += w * BinaryEvaluation.BrierTerm(s, positive);
        }

        var counts = default(ConfusionTally);
        counts.Add(counter, scores.Length);
        return new RowSums(counts, logLossSum, brierSum, first, new ConfusionWeights(tp, fp, tn, fn));
    }
}
