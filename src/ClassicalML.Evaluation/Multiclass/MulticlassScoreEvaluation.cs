using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Multiclass metrics from true labels and a score matrix (one column per class), with scikit-learn's semantics:
/// one-vs-rest and one-vs-one (Hand &amp; Till) ROC AUC, per-class ROC and precision–recall curves and average
/// precision, top-k accuracy, log loss, Brier score, and the label metrics of the arg-max predictions.
/// </summary>
/// <remarks>
/// Every method takes the actual labels, the <see cref="ScoreMatrix"/> and the class order explicitly: column c of the
/// matrix holds the scores of <c>classes[c]</c>. The class order need not be sorted (scikit-learn requires sorted
/// labels; here any order works and the per-class results follow it). The one-vs-rest problems are the binary ones of
/// <see cref="Roc"/> and <see cref="PrecisionRecall"/>, so ties count ½ and curves follow the binary conventions.
/// </remarks>
public static partial class MulticlassScoreEvaluation
{
    /// <summary>Evaluates a score matrix against actual labels: every metric of <see cref="MulticlassScoreReport{TLabel}"/>.</summary>
    /// <typeparam name="TLabel">Any label type: strings, integers, enums, records.</typeparam>
    /// <param name="actual">The true class of each row; every value must be one of <paramref name="classes"/>.</param>
    /// <param name="scores">One row per label, one column per class, in the order of <paramref name="classes"/>.</param>
    /// <param name="classes">The classes in the order of the score columns, each once; at least 2.</param>
    /// <param name="options">Zero-division policy and top-k list; null for the defaults (<see cref="MulticlassScoreOptions"/>).</param>
    /// <returns>The immutable report; formulas on <see cref="MulticlassScoreReport{TLabel}"/>.</returns>
    /// <remarks>
    /// Cost: for each class one O(n) ranking for ROC AUC and one for average precision; for each of the K(K − 1)/2
    /// pairs two rankings of the pair's rows; one pass for top-k, log loss and Brier score. Log loss and Brier score
    /// are null (and listed in <see cref="MulticlassScoreReport{TLabel}.Undefined"/>) when the rows are not
    /// probabilities; the other metrics take any finite scores.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, a label is null or not one of <paramref name="classes"/>,
    /// <paramref name="classes"/> has duplicates or not one entry per score column.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options hold an undefined zero-division policy or a k below 1.</exception>
    public static MulticlassScoreReport<TLabel> Evaluate<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ScoreMatrix scores,
        IReadOnlyList<TLabel> classes,
        MulticlassScoreOptions? options = null)
        where TLabel : notnull
        => Evaluate(actual, ScoredRows<TLabel>.From(actual, scores, classes), options);

    /// <summary>
    /// Evaluates a score matrix against actual labels with row weights, as scikit-learn's <c>sample_weight</c>: every
    /// metric of <see cref="MulticlassScoreReport{TLabel}"/>, weighted.
    /// </summary>
    /// <typeparam name="TLabel">Any label type: strings, integers, enums, records.</typeparam>
    /// <param name="actual">The true class of each row; every value must be one of <paramref name="classes"/>.</param>
    /// <param name="scores">One row per label, one column per class, in the order of <paramref name="classes"/>.</param>
    /// <param name="weights">One weight per row, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns, each once; at least 2.</param>
    /// <param name="options">Zero-division policy and top-k list; null for the defaults.</param>
    /// <returns>The immutable report with <see cref="MulticlassScoreReport{TLabel}.IsWeighted"/> set.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item>One-vs-rest AUC and average precision of each class: the weighted binary
    /// <see cref="Roc.Auc(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/> and
    /// <see cref="PrecisionRecall.AveragePrecision(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>;
    /// the weighted average uses the weighted supports W_c / W (scikit-learn's <c>roc_auc_score(multi_class="ovr",
    /// sample_weight=w)</c>). A class whose rows all weigh 0 is absent (undefined, as a class without rows).</item>
    /// <item>Top-k accuracy, log loss and Brier score: weighted means over rows, Σ w_i x_i / Σ w_i.</item>
    /// <item>One-vs-one AUC: scikit-learn refuses <c>sample_weight</c> with <c>multi_class="ovo"</c>; here it is defined
    /// as the natural extension, with no scikit-learn reference: A(a, b) from the weighted binary AUCs on the rows of a or
    /// b, pairs of the classes with positive weight, the weighted mean with (W_a + W_b) / W. The tests check it against
    /// scikit-learn's weighted binary <c>roc_auc_score</c> composed by Hand &amp; Till's formula, and that integer
    /// weights equal repeated rows.</item>
    /// <item><see cref="MulticlassScoreReport{TLabel}.Predictions"/> is the weighted
    /// <see cref="MulticlassEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ReadOnlySpan{TLabel}, ReadOnlySpan{double}, IReadOnlyList{TLabel}?, ZeroDivision)"/>.</item>
    /// </list>
    /// <see cref="MulticlassScoreReport{TLabel}.N"/> and <see cref="ClassScoreMetrics{TLabel}.Support"/> stay numbers of
    /// rows. Weights of 1 give the unweighted report bit for bit; integer weights give the report of repeated rows.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the unweighted overload; or <paramref name="weights"/> has another
    /// length or is all 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the row is named), or the
    /// options hold an undefined zero-division policy or a k below 1.</exception>
    public static MulticlassScoreReport<TLabel> Evaluate<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ScoreMatrix scores,
        ReadOnlySpan<double> weights,
        IReadOnlyList<TLabel> classes,
        MulticlassScoreOptions? options = null)
        where TLabel : notnull
        => Evaluate(actual, ScoredRows<TLabel>.From(actual, scores, classes, weights), options);

    /// <summary>The report of checked rows (weighted when the rows carry weights).</summary>
    private static MulticlassScoreReport<TLabel> Evaluate<TLabel>(ReadOnlySpan<TLabel> actual, ScoredRows<TLabel> rows, MulticlassScoreOptions? options)
        where TLabel : notnull
    {
        options ??= new MulticlassScoreOptions();
        Preconditions.CheckDefined(options.ZeroDivision, nameof(options), "options.ZeroDivision");
        var scores = rows.Scores;
        var ks = TopKList(options.TopK, rows.ClassCount);
        var undefined = new UndefinedMetrics(options.ZeroDivision);
        var perClass = ClassScoring.OneVsRest(rows, undefined);
        var supports = perClass.Select(m => m.WeightedSupport).ToArray();
        var (ovoMacro, ovoWeighted) = ClassScoring.OneVsOne(rows, undefined);
        var topK = new SortedDictionary<int, double>();
        foreach (var k in ks)
        {
            topK[k] = ClassScoring.TopK(rows, k);
        }

        var notProbabilities = ClassScoring.NotProbabilities(scores);
        if (notProbabilities is not null)
        {
            undefined.Add("log_loss", notProbabilities + "; reported as null");
            undefined.Add("brier", notProbabilities + "; reported as null");
        }

        return new MulticlassScoreReport<TLabel>
        {
            Labels = rows.Classes,
            N = rows.N,
            PerClass = perClass,
            RocAucOvrMacro = MulticlassEvaluation.NanAverage(perClass.Select(m => m.RocAuc), null),
            RocAucOvrWeighted = MulticlassEvaluation.NanAverage(perClass.Select(m => m.RocAuc), supports),
            RocAucOvoMacro = ovoMacro,
            RocAucOvoWeighted = ovoWeighted,
            TopKAccuracy = topK.AsReadOnly(),
            LogLoss = notProbabilities is null ? ClassScoring.LogLoss(rows) : null,
            BrierScore = notProbabilities is null ? ClassScoring.Brier(rows) : null,
            Predictions = rows.Weights is { } w
                ? MulticlassEvaluation.Evaluate(actual, PredictedLabels(scores, rows.Classes), w, rows.Classes, options.ZeroDivision)
                : MulticlassEvaluation.Evaluate(actual, PredictedLabels(scores, rows.Classes), rows.Classes, options.ZeroDivision),
            IsWeighted = rows.Weights is not null,
            TotalWeight = rows.TotalWeight,
            ZeroDivision = options.ZeroDivision,
            Undefined = undefined.Items,
        };
    }

    /// <summary>
    /// One multiclass ROC AUC, as scikit-learn's <c>roc_auc_score(y, scores, multi_class=..., average=...)</c>, without
    /// the rest of the report: the one-vs-rest kinds rank each class's column once, the one-vs-one kinds each pair.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class; any finite scores (rows need not sum to 1).</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <param name="kind">One-vs-rest or one-vs-one, macro or weighted (default: one-vs-rest, macro).</param>
    /// <param name="zeroDivision">The value of an undefined per-class AUC (a class absent or alone) or of an
    /// undefined one-vs-one AUC (fewer than two classes present), as in <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>.</param>
    /// <returns>The AUC; equal to the matching property of <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>'s report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="zeroDivision"/> is not a defined member.</exception>
    public static double RocAuc<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ScoreMatrix scores,
        IReadOnlyList<TLabel> classes,
        MulticlassRocAuc kind = MulticlassRocAuc.OneVsRestMacro,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
        where TLabel : notnull
        => RocAuc(ScoredRows<TLabel>.From(actual, scores, classes), kind, zeroDivision);

    /// <summary>
    /// One multiclass ROC AUC with row weights, as <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, ReadOnlySpan{double}, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>
    /// computes it (one-vs-one weighted has no scikit-learn reference; see there).
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class; any finite scores.</param>
    /// <param name="weights">One weight per row, finite and at least 0, not all 0.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <param name="kind">One-vs-rest or one-vs-one, macro or weighted (default: one-vs-rest, macro).</param>
    /// <param name="zeroDivision">The value of an undefined AUC.</param>
    /// <returns>The AUC; equal to the matching property of the weighted report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for the weighted <c>Evaluate</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or <paramref name="kind"/> or
    /// <paramref name="zeroDivision"/> is not a defined member.</exception>
    public static double RocAuc<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ScoreMatrix scores,
        ReadOnlySpan<double> weights,
        IReadOnlyList<TLabel> classes,
        MulticlassRocAuc kind = MulticlassRocAuc.OneVsRestMacro,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
        where TLabel : notnull
        => RocAuc(ScoredRows<TLabel>.From(actual, scores, classes, weights), kind, zeroDivision);

    private static double RocAuc<TLabel>(ScoredRows<TLabel> rows, MulticlassRocAuc kind, ZeroDivision zeroDivision)
        where TLabel : notnull
    {
        Preconditions.CheckDefined(kind, nameof(kind));
        Preconditions.CheckDefined(zeroDivision, nameof(zeroDivision));
        var undefined = new UndefinedMetrics(zeroDivision);
        if (kind is MulticlassRocAuc.OneVsOneMacro or MulticlassRocAuc.OneVsOneWeighted)
        {
            var (macro, weighted) = ClassScoring.OneVsOne(rows, undefined);
            return kind == MulticlassRocAuc.OneVsOneMacro ? macro : weighted;
        }

        var perClass = ClassScoring.OneVsRest(rows, undefined, withAveragePrecision: false);
        var supports = kind == MulticlassRocAuc.OneVsRestWeighted ? perClass.Select(m => m.WeightedSupport).ToArray() : null;
        return MulticlassEvaluation.NanAverage(perClass.Select(m => m.RocAuc), supports);
    }

    /// <summary>
    /// Top-k accuracy: the fraction of rows whose actual class is among the k highest-scoring classes of the row
    /// (scikit-learn's <c>top_k_accuracy_score</c>).
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <param name="k">How many of the top classes count as a hit; at least 1. With k ≥ K every row is a hit (1.0);
    /// scikit-learn returns the same with a warning.</param>
    /// <returns>The accuracy in [0, 1].</returns>
    /// <remarks>
    /// Ties, as scikit-learn: it ranks the classes of a row by a stable ascending sort of the scores, reversed, so among
    /// equal scores the class later in the given class order ranks higher (scikit-learn's rule is by column; as it requires sorted labels, there the later label wins). The actual class t of a row is a hit when
    /// #{c : s[c] &gt; s[t]} + #{c &gt; t : s[c] = s[t]} &lt; k. For k = 1 this can differ from the arg-max of
    /// <see cref="PredictedLabels{TLabel}"/>, which takes the first class on ties.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1.</exception>
    public static double TopKAccuracy<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes, int k)
        where TLabel : notnull
    {
        Preconditions.CheckAtLeast(k, 1, nameof(k), "Pass k = 1 for plain accuracy, or the number of guesses that count.");
        return ClassScoring.TopK(ScoredRows<TLabel>.From(actual, scores, classes), k);
    }

    /// <summary>
    /// Multiclass log loss (cross-entropy), natural log: the mean over rows of −ln p(actual class), probabilities
    /// clipped to [ε, 1 − ε] with ε the machine epsilon of the scores' type (<see cref="ScoreMatrix.Epsilon"/>: 2⁻⁵² for
    /// double, 2⁻²³ for float), as scikit-learn's <c>log_loss</c> clips at <c>np.finfo(y_pred.dtype).eps</c>.
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">Probabilities: every value in [0, 1], every row summing to 1.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>The log loss, at least 0.</returns>
    /// <remarks>
    /// Sums and logarithms are computed in double for either type. A row sums to 1 when |Σ_k p_k − 1| ≤ 10⁻⁸ + √ε
    /// (numpy's <c>allclose</c> with scikit-learn's
    /// <c>rtol=sqrt(eps)</c>). scikit-learn 1.5+ only warns on such rows; ClassicalML refuses them, since a loss of
    /// non-probabilities means nothing. After clipping, the row is divided by its clipped sum, as scikit-learn 1.2.1
    /// (the reference of the tests) does; 1.5+ leaves that step out, which changes a row's term by at most a few ε
    /// relative.
    /// </remarks>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>, or the rows are not probabilities.</exception>
    public static double LogLoss<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes);
        RequireProbabilities(scores);
        return ClassScoring.LogLoss(rows);
    }

    /// <summary>
    /// Multiclass Brier score: the mean over rows of Σ_k (p_k − y_k)², y_k = 1 for the actual class and 0 otherwise
    /// (Brier's 1950 definition, scikit-learn 1.7's multiclass <c>brier_score_loss</c>). In [0, 2].
    /// </summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">Probabilities: every value in [0, 1], every row summing to 1 (as for <see cref="LogLoss{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel})"/>).</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>The Brier score.</returns>
    /// <remarks>
    /// With two classes it is twice the binary Brier score of <see cref="BinaryEvaluation"/>, which sums over the
    /// positive class only.
    /// </remarks>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>, or the rows are not probabilities.</exception>
    public static double BrierScore<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes);
        RequireProbabilities(scores);
        return ClassScoring.Brier(rows);
    }

    /// <summary>Each class's one-vs-rest ROC curve (<see cref="Roc.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, bool)"/> of that class's column), in class order.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <param name="dropIntermediate">As for <see cref="Roc.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, bool)"/>.</param>
    /// <returns>K curves; a class absent from the labels has NaN true-positive rates, as in <see cref="Roc.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double}, bool)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>.</exception>
    public static IReadOnlyList<RocCurve> RocCurves<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes, bool dropIntermediate = true)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes);
        var curves = new RocCurve[rows.ClassCount];
        for (int c = 0; c < curves.Length; c++)
        {
            curves[c] = Roc.Curve(rows.IsClass(c), scores.Column(c), dropIntermediate);
        }

        return Array.AsReadOnly(curves);
    }

    /// <summary>Each class's one-vs-rest precision–recall curve (<see cref="PrecisionRecall.Curve(ReadOnlySpan{bool}, ReadOnlySpan{double})"/>), in class order.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="actual">The true class of each row.</param>
    /// <param name="scores">One row per label, one column per class.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>K curves, with the binary conventions of <see cref="PrecisionRecallCurve"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassScoreOptions?)"/>.</exception>
    public static IReadOnlyList<PrecisionRecallCurve> PrecisionRecallCurves<TLabel>(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        var rows = ScoredRows<TLabel>.From(actual, scores, classes);
        var curves = new PrecisionRecallCurve[rows.ClassCount];
        for (int c = 0; c < curves.Length; c++)
        {
            curves[c] = PrecisionRecall.Curve(rows.IsClass(c), scores.Column(c));
        }

        return Array.AsReadOnly(curves);
    }

    /// <summary>The arg-max class of each row: the class with the highest score, the first in <paramref name="classes"/> on ties.</summary>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="scores">One row per example, one column per class.</param>
    /// <param name="classes">The classes in the order of the score columns.</param>
    /// <returns>One predicted class per row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> or <paramref name="classes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="classes"/> has duplicates or not one entry per score column.</exception>
    public static TLabel[] PredictedLabels<TLabel>(ScoreMatrix scores, IReadOnlyList<TLabel> classes)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ordered = ScoredRows<TLabel>.CheckedClasses(classes, scores);
        var predicted = new TLabel[scores.RowCount];
        for (int r = 0; r < predicted.Length; r++)
        {
            var row = scores.Row(r);
            int best = 0;
            for (int c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            predicted[r] = ordered[best];
        }

        return predicted;
    }

    private static void RequireProbabilities(ScoreMatrix scores)
    {
        var reason = ClassScoring.NotProbabilities(scores);
        Preconditions.CheckArgument(reason is null, nameof(scores), reason + ". Pass probabilities (e.g. a softmax or predict_proba output), or use the ranking metrics, which take any scores.");
    }

    private static int[] TopKList(IReadOnlyList<int>? topK, int classCount)
    {
        if (topK is null)
        {
            return Enumerable.Range(1, Math.Min(5, classCount)).ToArray();
        }

        for (int i = 0; i < topK.Count; i++)
        {
            Preconditions.CheckAtLeast(topK[i], 1, "options", "Pass k = 1 for plain accuracy, or the number of guesses that count.", string.Create(CultureInfo.InvariantCulture, $"options.TopK[{i}]"));
        }

        return topK.Distinct().Order().ToArray();
    }
}
