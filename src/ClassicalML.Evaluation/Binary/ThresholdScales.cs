namespace ClassicalML.Evaluation;

/// <summary>The same operating point on the other score scale (probability ↔ raw score).</summary>
public static partial class ThresholdSelection
{
    /// <summary>
    /// The threshold on <paramref name="otherScores"/> that makes the same decisions as <paramref name="threshold"/> on
    /// <paramref name="scores"/>, row by row: for a model with a calibrator, an operating point chosen on the probability
    /// reported on the raw score (ML.NET's <c>Score</c>), or the reverse.
    /// </summary>
    /// <param name="scores">The scale the threshold was chosen on (a row is positive when score ≥ threshold).</param>
    /// <param name="otherScores">The other scale of the same rows, in the same order.</param>
    /// <param name="threshold">The threshold on <paramref name="scores"/>, e.g. <see cref="ThresholdChoice.Threshold"/>.</param>
    /// <returns>The other scale's threshold, the open end of the range of equivalent thresholds, and the rows it decides
    /// differently (0 when exact).</returns>
    /// <remarks>
    /// <para>Rank cut: the rows with score ≥ threshold are the chosen positives; the equivalent threshold is the lowest
    /// other score among them (an observed score, like every chosen threshold), and any value in
    /// (<see cref="ScaleThreshold.Below"/>, <see cref="ScaleThreshold.Threshold"/>] decides these rows alike, Below
    /// being the highest other score among the chosen negatives. When the map between the scales is non-decreasing
    /// (any calibrator: Platt, isotonic, ML.NET's), no chosen negative scores above a chosen positive on the other scale,
    /// and the equivalence is exact unless they tie there.</para>
    /// <para>Ties, honestly: an isotonic calibrator is flat on its steps, so distinct raw scores share one probability.
    /// A threshold chosen on probabilities always has an exact raw equivalent (the cut falls between steps). A raw
    /// threshold that cuts through a step has none on the probability scale: the rows of that step on the wrong side are
    /// counted in <see cref="ScaleThreshold.Disagreements"/>, and <see cref="ScaleThreshold.IsExact"/> is false. The same
    /// holds for float rounding (ML.NET's Single probabilities near 0 or 1 tie for distinct raw scores).</para>
    /// <para>Rows are counted, not weighted: decisions are per row. With no chosen positive the threshold is NaN.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs differ in length or are empty, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static ScaleThreshold OnOtherScale(ReadOnlySpan<double> scores, ReadOnlySpan<double> otherScores, double threshold)
    {
        Preconditions.CheckSameLength(scores.Length, otherScores.Length, nameof(scores), nameof(otherScores));
        Preconditions.CheckNotEmpty(scores.Length, nameof(scores), "Pass the scores of one or more rows on both scales.");
        Preconditions.CheckScores(scores, nameof(scores));
        Preconditions.CheckScores(otherScores, nameof(otherScores));
        Preconditions.CheckNotNaN(threshold, nameof(threshold), "Pass the threshold chosen on scores, e.g. choice.Threshold.");
        double lowestChosen = double.PositiveInfinity;
        double highestOther = double.NegativeInfinity;
        int positives = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= threshold)
            {
                lowestChosen = Math.Min(lowestChosen, otherScores[i]);
                positives++;
            }
            else
            {
                highestOther = Math.Max(highestOther, otherScores[i]);
            }
        }

        if (positives == 0)
        {
            return new ScaleThreshold(double.NaN, highestOther, 0, 0);
        }

        int disagreements = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            disagreements += (scores[i] >= threshold) != (otherScores[i] >= lowestChosen) ? 1 : 0;
        }

        return new ScaleThreshold(lowestChosen, highestOther, positives, disagreements);
    }
}
