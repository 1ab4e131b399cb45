namespace ClassicalML.Evaluation;

/// <summary>
/// DeLong with sample weights (pROC has none): weighted placements. With W₊ = Σ_pos w, W₋ = Σ_neg w:
/// V10_i = (Σ_{y_j &lt; x_i} w_j + ½ Σ_{y_j = x_i} w_j) / W₋, V01_j likewise over the positives / W₊,
/// θ = Σ_pos w_i V10_i / W₊ (the weighted AUC, as <c>Roc.Auc(labels, scores, weights)</c>),
/// S₁₀ = Σ_pos w_i (V10_i − θ)² / (W₊ − 1), S₀₁ likewise, Var(θ) = S₁₀/W₊ + S₀₁/W₋, and the covariance of two models
/// the same with the products. Weights are frequency weights: integer weights give exactly DeLong on the rows
/// repeated (tests/reference/make_delong_fixtures.R checks pROC on the expanded rows); scaling every weight by c
/// changes the interval (W − 1 is the divisor). Undefined unless W₊ &gt; 1 and W₋ &gt; 1. Rows of weight 0 take no part.
/// </summary>
public static partial class DeLong
{
    /// <summary>DeLong's confidence interval of one weighted ROC AUC (weighted placements, see the class remarks).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label; higher means more likely positive.</param>
    /// <param name="weights">One finite weight of at least 0 per row, not all 0 (frequency weights).</param>
    /// <param name="confidence">The nominal coverage, strictly between 0 and 1.</param>
    /// <returns>θ ± z·sqrt(Var(θ)), clamped to [0, 1]; <see cref="DeLongAucInterval.Positives"/> and
    /// <see cref="DeLongAucInterval.Negatives"/> count the rows of weight above 0.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is not finite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite, or <paramref name="confidence"/> is not in (0, 1).</exception>
    public static DeLongAucInterval AucInterval(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double confidence = 0.95)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        Preconditions.CheckWeights(labels, weights);
        Preconditions.CheckConfidence(confidence);
        return Interval(Placements.From(labels, scores, weights), confidence);
    }

    /// <summary>DeLong's paired test of two weighted ROC AUCs on the same rows, with the interval of θ_A − θ_B.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scoresA">Model A's finite score of each row.</param>
    /// <param name="scoresB">Model B's finite score of the same rows, in the same order.</param>
    /// <param name="weights">One finite weight of at least 0 per row, not all 0 (frequency weights).</param>
    /// <param name="confidence">The nominal coverage of the difference's interval, strictly between 0 and 1.</param>
    /// <returns>As <see cref="Paired(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>, weighted.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, a score is not finite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative or not finite, or <paramref name="confidence"/> is not in (0, 1).</exception>
    public static DeLongTest Paired(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB, ReadOnlySpan<double> weights, double confidence = 0.95)
    {
        Preconditions.CheckBinaryInput(labels, scoresA, nameof(scoresA));
        Preconditions.CheckBinaryInput(labels, scoresB, nameof(scoresB));
        Preconditions.CheckWeights(labels, weights);
        Preconditions.CheckConfidence(confidence);
        Placements a = Placements.From(labels, scoresA, weights);
        Placements b = Placements.From(labels, scoresB, weights);
        return Test(a, b, Placements.Moments(a, b, labels, scoresA, scoresB, weights), confidence);
    }
}
