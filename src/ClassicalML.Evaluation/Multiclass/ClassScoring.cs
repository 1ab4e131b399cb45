using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Actual labels encoded as class indexes, checked once against a score matrix and a class order: the input of every
/// <see cref="MulticlassScoreEvaluation"/> metric.
/// </summary>
internal sealed class ScoredRows<TLabel>
    where TLabel : notnull
{
    private ScoredRows(List<TLabel> classes, int[] actual, long[] support, ScoreMatrix scores, double[]? weights)
    {
        Classes = classes.AsReadOnly();
        Actual = actual;
        Support = support;
        Scores = scores;
        Weights = weights;
        WeightedSupport = new double[support.Length];
        Present = new bool[support.Length];
        for (int r = 0; r < actual.Length; r++)
        {
            double w = weights is null ? 1.0 : weights[r];
            WeightedSupport[actual[r]] += w;
            Present[actual[r]] |= w > 0;
            TotalWeight += w;
        }
    }

    /// <summary>The classes in column order.</summary>
    public IReadOnlyList<TLabel> Classes { get; }

    /// <summary>The class index of each row's actual label.</summary>
    public int[] Actual { get; }

    /// <summary>The number of rows of each class.</summary>
    public long[] Support { get; }

    /// <summary>The total weight of each class's rows (<see cref="Support"/> as doubles when unweighted).</summary>
    public double[] WeightedSupport { get; }

    /// <summary>Whether each class has a row of positive weight (a row, when unweighted).</summary>
    public bool[] Present { get; }

    /// <summary>The sum of the row weights (<see cref="N"/> when unweighted).</summary>
    public double TotalWeight { get; }

    /// <summary>The row weights, checked; null when unweighted.</summary>
    public double[]? Weights { get; }

    /// <summary>The score matrix, one column per class.</summary>
    public ScoreMatrix Scores { get; }

    /// <summary>The number of rows.</summary>
    public int N => Actual.Length;

    /// <summary>The number of classes.</summary>
    public int ClassCount => Classes.Count;

    /// <summary>The number of classes with a row of positive weight.</summary>
    public int PresentCount => Present.Count(p => p);

    /// <summary>Checks the labels, the matrix, the class order and the row weights together and encodes the labels.</summary>
    public static ScoredRows<TLabel> From(ReadOnlySpan<TLabel> actual, ScoreMatrix scores, IReadOnlyList<TLabel> classes, ReadOnlySpan<double> weights)
    {
        var rows = From(actual, scores, classes);
        Preconditions.CheckWeights(actual.Length, nameof(actual), weights);
        return new ScoredRows<TLabel>(rows.Classes.ToList(), rows.Actual, rows.Support, scores, weights.ToArray());
    }

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

        return new ScoredRows<TLabel>(ordered, encoded, support, scores, null);
    }

    /// <summary>The weight of row <paramref name="r"/> (1 when unweighted).</summary>
    public double WeightOf(int r) => Weights is null ? 1.0 : Weights[r];

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
            bool alone = rows.Present[c] && rows.PresentCount == 1;
            if (!rows.Present[c] || alone)
            {
                var name = Preconditions.Format(rows.Classes[c]);
                var weighted = rows.Weights is null ? string.Empty : " with a weight above 0";
                var reason = !rows.Present[c]
                    ? $"class never occurs in actual{weighted} (its one-vs-rest problem has no positive)"
                    : $"class is the only one in actual{weighted} (its one-vs-rest problem has no negative)";
                auc = undefined.Replace($"roc_auc[{name}]", reason);
                ap = withAveragePrecision ? undefined.Replace($"average_precision[{name}]", reason) : double.NaN;
            }
            else
            {
                bool[] positive = rows.IsClass(c);
                double[] column = rows.Scores.Column(c);
                if (rows.Weights is { } w)
                {
                    auc = Roc.Auc(positive, column, w);
                    ap = withAveragePrecision ? PrecisionRecall.AveragePrecision(positive, column, w) : double.NaN;
                }
                else
                {
                    auc = Roc.Auc(positive, column);
                    ap = withAveragePrecision ? PrecisionRecall.AveragePrecision(positive, column) : double.NaN;
                }
            }

            perClass[c] = new ClassScoreMetrics<TLabel>(rows.Classes[c], auc, ap, support) { WeightedSupport = rows.WeightedSupport[c] };
        }

        return Array.AsReadOnly(perClass);
    }

    /// <summary>Hand &amp; Till's one-vs-one AUC over the pairs of classes present, macro and prevalence-weighted (scikit-learn's <c>_average_multiclass_ovo_score</c>).</summary>
    public static (double Macro, double Weighted) OneVsOne<TLabel>(ScoredRows<TLabel> rows, UndefinedMetrics undefined)
        where TLabel : notnull
    {
        var present = Enumerable.Range(0, rows.ClassCount).Where(c => rows.Present[c]).ToArray();
        if (present.Length < 2)
        {
            var weighted = rows.Weights is null ? string.Empty : " with a weight above 0";
            var reason = $"fewer than two classes occur in actual{weighted}, so there is no pair of classes";
            return (undefined.Replace("roc_auc_ovo_macro", reason), undefined.Replace("roc_auc_ovo_weighted", reason));
        }

        double sum = 0, weightedSum = 0, weightSum = 0;
        int pairs = 0;
        for (int i = 0; i < present.Length; i++)
        {
            for (int j = i + 1; j < present.Length; j++)
            {
                int a = present[i], b = present[j];
                double score = PairAuc(rows, a, b);
                double prevalence = rows.Weights is null
                    ? (rows.Support[a] + rows.Support[b]) / (double)rows.N
                    : (rows.WeightedSupport[a] + rows.WeightedSupport[b]) / rows.TotalWeight;
                sum += score;
                weightedSum += prevalence * score;
                weightSum += prevalence;
                pairs++;
            }
        }

        return (sum / pairs, weightedSum / weightSum);
    }

    /// <summary>Top-k accuracy with scikit-learn's tie rule (see <see cref="MulticlassScoreEvaluation.TopKAccuracy{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, int)"/>).</summary>
    public static double TopK<TLabel>(ScoredRows<TLabel> rows, int k)
        where TLabel : notnull
    {
        double hits = 0;
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

            hits += ahead < k ? rows.WeightOf(r) : 0;
        }

        return hits / rows.TotalWeight;
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

            total += rows.WeightOf(r) * -Math.Log(Math.Clamp(row[rows.Actual[r]], epsilon, 1.0 - epsilon) / rowSum);
        }

        return total / rows.TotalWeight;
    }

    /// <summary>Mean over rows of Σ_k (p_k − y_k)².</summary>
    public static double Brier<TLabel>(ScoredRows<TLabel> rows)
        where TLabel : notnull
    {
        double total = 0;
        for (int r = 0; r < rows.N; r++)
        {
            var row = rows.Scores.Row(r);
            double w = rows.WeightOf(r);
            for (int c = 0; c < row.Length; c++)
            {
                // w · e² cell by cell, so that weights of 1 sum the same terms in the same order as no weights.
                double error = row[c] - (c == rows.Actual[r] ? 1.0 : 0.0);
                total += w * error * error;
            }
        }

        return total / rows.TotalWeight;
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
        var weights = rows.Weights is null ? null : new double[m];
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
                if (weights is not null)
                {
                    weights[k] = rows.Weights![r];
                }

                k++;
            }
        }

        return weights is null
            ? (Roc.Auc(isA, scoreA) + Roc.Auc(isB, scoreB)) / 2
            : (Roc.Auc(isA, scoreA, weights) + Roc.Auc(isB, scoreB, weights)) / 2;
    }
}
