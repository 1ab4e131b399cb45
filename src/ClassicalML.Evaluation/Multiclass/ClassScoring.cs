using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Actual labels encoded as class indexes, checked once against a score matrix and a class order: the input of every
/// <see cref="MulticlassScoreEvaluation"/> metric.
/// </summary>
internal sealed class ScoredRows<TLabel>
    where TLabel : notnull
{
    private ScoredRows(List<TLabel> classes, int[] actual, long[] support, ScoreMatrix scores)
    {
        Classes = classes.AsReadOnly();
        Actual = actual;
        Support = support;
        Scores = scores;
    }

    /// <summary>The classes in column order.</summary>
    public IReadOnlyList<TLabel> Classes { get; }

    /// <summary>The class index of each row's actual label.</summary>
    public int[] Actual { get; }

    /// <summary>The number of rows of each class.</summary>
    public long[] Support { get; }

    /// <summary>The score matrix, one column per class.</summary>
    public ScoreMatrix Scores { get; }

    /// <summary>The number of rows.</summary>
    public int N => Actual.Length;

    /// <summary>The number of classes.</summary>
    public int ClassCount => Classes.Count;

    /// <summary>Checks the labels, the matrix and the class order together and encodes the labels.</summary>
    public static ScoredRows<TLabel> From(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ordered = CheckedClasses(classes, scores);
        Preconditions.CheckArgument(
            actual.Length == scores.RowCount,
            nameof(scores),
            string.Create(CultureInfo.InvariantCulture, $"scores has {scores.RowCount} rows but actual has {actual.Length} labels; they must have the same number of rows (one row of scores per label). Pass the scores of the labelled rows."));
        MulticlassEvaluation.CheckNoNulls(actual, nameof(actual));
        var index = new Dictionary<TLabel, int>(ordered.Count);
        for (int c = 0; c < ordered.Count; c++)
        {
            index.Add(ordered[c], c);
        }

        var encoded = new int[actual.Length];
        var support = new long[ordered.Count];
        for (int r = 0; r < actual.Length; r++)
        {
            if (!index.TryGetValue(actual[r], out int c))
            {
                var text = Preconditions.Format(actual[r]);
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"actual[{r}] is '{text}', which is not one of classes; every actual label must be a class with a score column. Add '{text}' to classes and its scores to the matrix, or remove the row."),
                    nameof(actual));
            }

            encoded[r] = c;
            support[c]++;
        }

        return new ScoredRows<TLabel>(ordered, encoded, support, scores);
    }

    /// <summary>The class order, checked: no null, no duplicate, one class per score column.</summary>
    public static List<TLabel> CheckedClasses(IReadOnlyList<TLabel> classes, ScoreMatrix scores)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var ordered = MulticlassEvaluation.CheckedLabels(classes, nameof(classes), "List the class of each score column, in column order.");
        Preconditions.CheckArgument(
            ordered.Count == scores.ClassCount,
            nameof(classes),
            string.Create(CultureInfo.InvariantCulture, $"classes has {ordered.Count} entries but scores has {scores.ClassCount} columns; classes must name the class of each score column, in column order. Pass one class per column."));
        return ordered;
    }

    /// <summary>The one-vs-rest labels of class <paramref name="c"/>: true where the actual class is c.</summary>
    public bool[] IsClass(int c)
    {
        var positive = new bool[N];
        for (int r = 0; r < positive.Length; r++)
        {
            positive[r] = Actual[r] == c;
        }

        return positive;
    }
}

/// <summary>The computations behind <see cref="MulticlassScoreEvaluation"/>, on checked <see cref="ScoredRows{TLabel}"/>.</summary>
internal static class ClassScoring
{
    /// <summary>Each class's one-vs-rest ROC AUC and average precision (NaN unless asked for) through the binary metrics; undefined ones recorded.</summary>
    public static IReadOnlyList<ClassScoreMetrics<TLabel>> OneVsRest<TLabel>(ScoredRows<TLabel> rows, UndefinedMetrics undefined, bool withAveragePrecision = true)
        where TLabel : notnull
    {
        var perClass = new ClassScoreMetrics<TLabel>[rows.ClassCount];
        for (int c = 0; c < perClass.Length; c++)
        {
            long support = rows.Support[c];
            double auc, ap;
            if (support == 0 || support == rows.N)
            {
                var name = Preconditions.Format(rows.Classes[c]);
                var reason = support == 0
                    ? "class never occurs in actual (its one-vs-rest problem has no positive)"
                    : "class is the only one in actual (its one-vs-rest problem has no negative)";
                auc = undefined.Replace($"roc_auc[{name}]", reason);
                ap = withAveragePrecision ? undefined.Replace($"average_precision[{name}]", reason) : double.NaN;
            }
            else
            {
                bool[] positive = rows.IsClass(c);
                double[] column = rows.Scores.Column(c);
                auc = Roc.Auc(positive, column);
                ap = withAveragePrecision ? PrecisionRecall.AveragePrecision(positive, column) : double.NaN;
            }

            perClass[c] = new ClassScoreMetrics<TLabel>(rows.Classes[c], auc, ap, support);
        }

        return Array.AsReadOnly(perClass);
    }

    /// <summary>Hand &amp; Till's one-vs-one AUC over the pairs of classes present, macro and prevalence-weighted (scikit-learn's <c>_average_multiclass_ovo_score</c>).</summary>
    public static (double Macro, double Weighted) OneVsOne<TLabel>(ScoredRows<TLabel> rows, UndefinedMetrics undefined)
        where TLabel : notnull
    {
        var present = Enumerable.Range(0, rows.ClassCount).Where(c => rows.Support[c] > 0).ToArray();
        if (present.Length < 2)
        {
            const string Reason = "fewer than two classes occur in actual, so there is no pair of classes";
            return (undefined.Replace("roc_auc_ovo_macro", Reason), undefined.Replace("roc_auc_ovo_weighted", Reason));
        }

        double sum = 0, weightedSum = 0, weightSum = 0;
        int pairs = 0;
        for (int i = 0; i < present.Length; i++)
        {
            for (int j = i + 1; j < present.Length; j++)
            {
                int a = present[i], b = present[j];
                double score = PairAuc(rows, a, b);
                double prevalence = (rows.Support[a] + rows.Support[b]) / (double)rows.N;
                sum += score;
                weightedSum += prevalence * score;
                weightSum += prevalence;
                pairs++;
            }
        }

        return (sum / pairs, weightedSum / weightSum);
    }

    /// <summary>Top-k accuracy with scikit-learn's tie rule (see <see cref="MulticlassScoreEvaluation.TopKAccuracy{TLabel}"/>).</summary>
    public static double TopK<TLabel>(ScoredRows<TLabel> rows, int k)
        where TLabel : notnull
    {
        long hits = 0;
        for (int r = 0; r < rows.N; r++)
        {
            var row = rows.Scores.Row(r);
            int t = rows.Actual[r];
            double s = row[t];
            int ahead = 0;
            for (int c = 0; c < row.Length; c++)
            {
                // Ranked ahead of the actual class: a higher score, or an equal score in a later column.
                ahead += row[c] > s || (row[c] == s && c > t) ? 1 : 0;
            }

            hits += ahead < k ? 1 : 0;
        }

        return hits / (double)rows.N;
    }

    /// <summary>Mean −ln of the probability of the actual class clipped at the matrix's epsilon and renormalised (scikit-learn 1.2.1's <c>log_loss</c>).</summary>
    public static double LogLoss<TLabel>(ScoredRows<TLabel> rows)
        where TLabel : notnull
    {
        double epsilon = rows.Scores.Epsilon;
        double total = 0;
        for (int r = 0; r < rows.N; r++)
        {
            var row = rows.Scores.Row(r);
            double rowSum = 0;
            foreach (var p in row)
            {
                rowSum += Math.Clamp(p, epsilon, 1.0 - epsilon);
            }

            total += -Math.Log(Math.Clamp(row[rows.Actual[r]], epsilon, 1.0 - epsilon) / rowSum);
        }

        return total / rows.N;
    }

    /// <summary>Mean over rows of Σ_k (p_k − y_k)².</summary>
    public static double Brier<TLabel>(ScoredRows<TLabel> rows)
        where TLabel : notnull
    {
        double total = 0;
        for (int r = 0; r < rows.N; r++)
        {
            var row = rows.Scores.Row(r);
            for (int c = 0; c < row.Length; c++)
            {
                double error = row[c] - (c == rows.Actual[r] ? 1.0 : 0.0);
                total += error * error;
            }
        }

        return total / rows.N;
    }

    /// <summary>Null when every value is in [0, 1] and every row sums to 1 (within numpy's allclose); otherwise why not, naming the first offending row.</summary>
    public static string? NotProbabilities(ScoreMatrix scores)
    {
        // numpy's allclose(row_sum, 1, rtol=sqrt(eps)): atol 1e-8 + rtol · 1.
        double tolerance = 1e-8 + Math.Sqrt(scores.Epsilon);
        for (int r = 0; r < scores.RowCount; r++)
        {
            var row = scores.Row(r);
            double sum = 0;
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] < 0 || row[c] > 1)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"scores[{r}, {c}] is {Preconditions.Describe(row[c])}, outside [0, 1], so the scores are not probabilities");
                }

                sum += row[c];
            }

            if (Math.Abs(sum - 1) > tolerance)
            {
                return string.Create(CultureInfo.InvariantCulture, $"row {r} of scores sums to {Preconditions.Describe(sum)}, not 1, so the scores are not probabilities");
            }
        }

        return null;
    }

    /// <summary>A(a, b) = (AUC of column a, a positive + AUC of column b, b positive) / 2 on the rows of class a or b.</summary>
    private static double PairAuc<TLabel>(ScoredRows<TLabel> rows, int a, int b)
        where TLabel : notnull
    {
        int m = (int)(rows.Support[a] + rows.Support[b]);
        var isA = new bool[m];
        var isB = new bool[m];
        var scoreA = new double[m];
        var scoreB = new double[m];
        for (int r = 0, k = 0; r < rows.N; r++)
        {
            int y = rows.Actual[r];
            if (y == a || y == b)
            {
                var row = rows.Scores.Row(r);
                isA[k] = y == a;
                isB[k] = y == b;
                scoreA[k] = row[a];
                scoreB[k] = row[b];
                k++;
            }
        }

        return (Roc.Auc(isA, scoreA) + Roc.Auc(isB, scoreB)) / 2;
    }
}
