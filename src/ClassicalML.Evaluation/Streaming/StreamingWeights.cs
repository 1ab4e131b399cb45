namespace ClassicalML.Evaluation;

/// <summary>
/// The weighted part of a <see cref="StreamingBinaryEvaluator"/>'s state: the four confusion cells and the weighted
/// log-loss and Brier sums as <see cref="FixedWeights"/> sums (exact, so merges do not depend on order), and, in a
/// captured state, the weight of every kept score.
/// </summary>
internal sealed class StreamingWeights
{
    /// <summary>Σ w over positives predicted positive (fixed point).</summary>
    internal Int128 TruePositives;

    /// <summary>Σ w over negatives predicted positive (fixed point).</summary>
    internal Int128 FalsePositives;

    /// <summary>Σ w over negatives predicted negative (fixed point).</summary>
    internal Int128 TrueNegatives;

    /// <summary>Σ w over positives predicted negative (fixed point).</summary>
    internal Int128 FalseNegatives;

    /// <summary>Σ w·(log-loss term) over rows with a score in [0, 1] (fixed point).</summary>
    internal Int128 LogLossSum;

    /// <summary>Σ w·(Brier term) over rows with a score in [0, 1] (fixed point).</summary>
    internal Int128 BrierSum;

    /// <summary>In a captured state: the weights of the kept positives' scores, aligned with its positive keys (a live
    /// accumulator keeps them with its keys, in <see cref="KeptKeys"/>).</summary>
    internal double[] RawPositives = [];

    /// <summary>In a captured state: the weights of the kept negatives' scores, aligned with its negative keys.</summary>
    internal double[] RawNegatives = [];

    /// <summary>The total weight of every row (fixed point).</summary>
    internal Int128 Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Adds one batch's cells and loss sums (validated inputs).</summary>
    internal void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double threshold)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            bool positive = labels[i];
            Int128 w = FixedWeights.From(weights[i]);
            bool predicted = s >= threshold;
            if (positive) { if (predicted) { TruePositives += w; } else { FalseNegatives += w; } }
            else if (predicted) { FalsePositives += w; }
            else { TrueNegatives += w; }

            if (s is >= 0.0 and <= 1.0)
            {
                LogLossSum += FixedWeights.From(weights[i] * BinaryEvaluation.LogLossTerm(s, positive));
                BrierSum += FixedWeights.From(weights[i] * BinaryEvaluation.BrierTerm(s, positive));
            }
        }
    }

    /// <summary>Adds another accumulator's cells and sums (its kept weights travel with its keys, see the evaluator).</summary>
    internal void AddSums(StreamingWeights other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        TrueNegatives += other.TrueNegatives;
        FalseNegatives += other.FalseNegatives;
        LogLossSum += other.LogLossSum;
        BrierSum += other.BrierSum;
    }

    /// <summary>The cells as a report shows them.</summary>
    internal ConfusionWeights Cells() => new(
        FixedWeights.ToDouble(TruePositives),
        FixedWeights.ToDouble(FalsePositives),
        FixedWeights.ToDouble(TrueNegatives),
        FixedWeights.ToDouble(FalseNegatives));
}
