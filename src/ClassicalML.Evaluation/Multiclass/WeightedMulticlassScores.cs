namespace ClassicalML.Evaluation;

/// <summary>The weighted single-metric and curve overloads of <see cref="MulticlassScoreEvaluation"/> (scikit-learn's <c>sample_weight</c>).</summary>
public static partial class MulticlassScoreEvaluation
{
    /// <summary>Weighted top-k accuracy: Σ w_i [row i is a hit] / Σ w_i (scikit-learn's <c>top_k_accuracy_score(..., sample_weight=w)</c>), with the tie rule of the unweighted overload.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class.</param>
    /// <param name="weights">One weight per row, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <param name="k">How many of the top classes count as a hit; at least 1.</param>
    /// <returns>The weighted accuracy in [0, 1]; weights of 1 give the unweighted value bit for bit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the weighted <c>Evaluate</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1, or a weight is negative, NaN or infinite.</exception>
    public static double TopKAccuracy<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, ReadOnlySpan<double> weights, IReadOnlyList<TLabel> classes, int k)
        where TLabel : notnull
    {
        Preconditions.CheckAtLeast(k, 1, nameof(k), "Pass k = 1 for plain accuracy, or the number of guesses that count.");
        return ClassScoring.TopK(ScoredRows<TLabel>.From(actual, scores, classes, weights), k);
    }

    /// <summary>Weighted multiclass log loss: Σ w_i (−ln p_i) / Σ w_i, clipped and renormalised as the unweighted overload (scikit-learn's <c>log_loss(..., sample_weight=w)</c>).</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">Probabilities: every value in [0, 1], every row summing to 1.</param>
    /// <param name="weights">One weight per row, finite and at least 0, not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>The weighted log loss, at least 0.</returns>
    /// <exception cref="ArgumentException">As for the weighted <c>Evaluate</c>, or the rows are not probabilities.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static double LogLoss<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, ReadOnlySpan<double> weights, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes, weights);
        RequireProbabilities(scores);
        return ClassScoring.LogLoss(rows);
    }

    /// <summary>Weighted multiclass Brier score: Σ w_i Σ_k (p_ik − y_ik)² / Σ w_i.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">Probabilities: every value in [0, 1], every row summing to 1.</param>
    /// <param name="weights">One weight per row, finite and at least 0, not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>The weighted Brier score, in [0, 2].</returns>
    /// <exception cref="ArgumentException">As for the weighted <c>Evaluate</c>, or the rows are not probabilities.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static double BrierScore<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, ReadOnlySpan<double> weights, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes, weights);
        RequireProbabilities(scores);
        return ClassScoring.Brier(rows);
    }

    /// <summary>Each class's weighted one-vs-rest ROC curve (<see cref="Roc.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/> of that class's column), in class order.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class.</param>
    /// <param name="weights">One weight per row, finite and at least 0, not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <param name="dropIntermediate">As for the binary curve.</param>
    /// <returns>K curves; a class whose rows all weigh 0 has NaN true-positive rates, as the binary weighted curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the weighted <c>Evaluate</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static IReadOnlyList<RocCurve> RocCurves<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, ReadOnlySpan<double> weights, IReadOnlyList<TLabel> classes, bool dropIntermediate = true)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes, weights);
        var curves = new RocCurve[rows.ClassCount];
        for (int c = 0; c < curves.Length; c++)
        {
            curves[c] = Roc.Curve(rows.IsClass(c), scores.Column(c), rows.Weights, dropIntermediate);
        }

        return Array.AsReadOnly(curves);
    }

    /// <summary>Each class's weighted one-vs-rest precision–recall curve (<see cref="PrecisionRecall.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>), in class order.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class.</param>
    /// <param name="weights">One weight per row, finite and at least 0, not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>K curves, with the conventions of the binary weighted curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the weighted <c>Evaluate</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public static IReadOnlyList<PrecisionRecallCurve> PrecisionRecallCurves<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, ReadOnlySpan<double> weights, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes, weights);
        var curves = new PrecisionRecallCurve[rows.ClassCount];
        for (int c = 0; c < curves.Length; c++)
        {
            curves[c] = PrecisionRecall.Curve(rows.IsClass(c), scores.Column(c), rows.Weights);
        }

        return Array.AsReadOnly(curves);
    }
}
