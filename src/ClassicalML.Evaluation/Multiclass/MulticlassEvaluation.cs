using System.Collections.ObjectModel;
using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Multiclass (single-label) classification metrics with scikit-learn's semantics: confusion matrix,
/// per-class precision, recall and F1, macro, micro and weighted averages, accuracy, and a
/// <c>classification_report</c>-style text.
/// </summary>
public static class MulticlassEvaluation
{
    /// <summary>Evaluates predicted labels against actual labels.</summary>
    /// <typeparam name="TLabel">Any label type: strings, integers, enums, records.</typeparam>
    /// <param name="actual">The true label of each row.</param>
    /// <param name="predicted">The predicted label of each row, aligned with <paramref name="actual"/>.</param>
    /// <param name="labels">
    /// The classes and their order in the report. When null: the union of the actual and predicted labels,
    /// sorted like scikit-learn's <c>unique_labels</c> (strings ordinally, by code point; other types by
    /// <see cref="Comparer{T}.Default"/>). A given label that never occurs gets support 0 and undefined
    /// precision, recall and F1 (replaced per <paramref name="zeroDivision"/>), as in scikit-learn.
    /// Unlike scikit-learn, every actual and predicted value must be one of the given labels: a subset of
    /// labels would silently drop rows from the confusion matrix, so it is refused.
    /// </param>
    /// <param name="zeroDivision">The value reported for a metric whose denominator is zero.</param>
    /// <returns>The immutable report.</returns>
    /// <remarks>
    /// Formulas are on <see cref="MulticlassReport{TLabel}"/>. Equality of labels is
    /// <see cref="EqualityComparer{T}.Default"/> (ordinal for strings).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The spans differ in length or are empty; a value is null; <paramref name="labels"/> is empty, has
    /// duplicates, or lacks a label that occurs; or labels are not comparable and none were given.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zeroDivision"/> is not a defined value.</exception>
    public static MulticlassReport<TLabel> Evaluate<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ReadOnlySpan<TLabel> predicted,
        IReadOnlyList<TLabel>? labels = null,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
        where TLabel : notnull
        => Evaluate(actual, predicted, null, labels, zeroDivision);

    /// <summary>
    /// Evaluates predicted labels against actual labels with row weights, as scikit-learn's
    /// <c>confusion_matrix</c>, <c>precision_recall_fscore_support</c> and <c>accuracy_score</c> with
    /// <c>sample_weight</c>.
    /// </summary>
    /// <typeparam name="TLabel">Any label type: strings, integers, enums, records.</typeparam>
    /// <param name="actual">The true label of each row.</param>
    /// <param name="predicted">The predicted label of each row, aligned with <paramref name="actual"/>.</param>
    /// <param name="weights">One weight per row, finite and at least 0 (0 leaves the row out), not all 0.</param>
    /// <param name="labels">As for <see cref="Evaluate{TLabel}(ReadOnlySpan{TLabel}, ReadOnlySpan{TLabel}, IReadOnlyList{TLabel}?, ZeroDivision)"/>;
    /// a label that occurs only on rows of weight 0 is still a class (scikit-learn's <c>unique_labels</c>), with weighted support 0.</param>
    /// <param name="zeroDivision">The value reported for a metric whose denominator (a sum of weights) is zero.</param>
    /// <returns>
    /// The immutable report with <see cref="MulticlassReport{TLabel}.IsWeighted"/> set: every ratio, average and the
    /// accuracy are weighted (tp, fp, fn and support are sums of weights, <see cref="ClassMetrics{TLabel}.WeightedSupport"/>,
    /// <see cref="ConfusionMatrix{TLabel}.Weight(int, int)"/>); <see cref="MulticlassReport{TLabel}.N"/>,
    /// <see cref="MulticlassReport{TLabel}.Correct"/>, the integer confusion counts and
    /// <see cref="ClassMetrics{TLabel}.Support"/> stay numbers of rows. Weights of 1 give the unweighted report bit for
    /// bit; integer weights give the report of each row repeated that many times.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// As for the unweighted overload; or <paramref name="weights"/> has another length or is all 0.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the row is named), or
    /// <paramref name="zeroDivision"/> is not a defined value.</exception>
    public static MulticlassReport<TLabel> Evaluate<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ReadOnlySpan<TLabel> predicted,
        ReadOnlySpan<double> weights,
        IReadOnlyList<TLabel>? labels = null,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
        where TLabel : notnull
    {
        Preconditions.CheckWeights(actual.Length, nameof(actual), weights);
        return Evaluate(actual, predicted, weights.ToArray(), labels, zeroDivision);
    }

    /// <summary>The report, weighted when <paramref name="weights"/> is not null (already checked).</summary>
    private static MulticlassReport<TLabel> Evaluate<TLabel>(
        ReadOnlySpan<TLabel> actual,
        ReadOnlySpan<TLabel> predicted,
        double[]? weights,
        IReadOnlyList<TLabel>? labels,
        ZeroDivision zeroDivision)
        where TLabel : notnull
    {
        Preconditions.CheckDefined(zeroDivision, nameof(zeroDivision));
        Preconditions.CheckSameLength(actual.Length, predicted.Length, nameof(actual), nameof(predicted));
        Preconditions.CheckNotEmpty(actual.Length, nameof(actual), "Pass one or more rows.");
        CheckNoNulls(actual, nameof(actual));
        CheckNoNulls(predicted, nameof(predicted));

        var matrix = Count(actual, predicted, weights, labels is null ? SortedUnion(actual, predicted) : CheckedLabels(labels));
        var undefined = new UndefinedMetrics(zeroDivision);
        var perClass = PerClass(matrix, undefined);
        long tpSum = 0;
        double tpWeight = 0;
        var everyLabelOccurs = true;
        for (var c = 0; c < matrix.Labels.Count; c++)
        {
            tpSum += matrix[c, c];
            tpWeight += matrix.Weight(c, c);
            everyLabelOccurs &= matrix.PredictedTotal(c) + matrix.ActualTotal(c) > 0;
        }

        var supports = perClass.Select(m => m.WeightedSupport).ToArray();
        var macro = new AveragedMetrics(
            NanAverage(perClass.Select(m => m.Precision), null),
            NanAverage(perClass.Select(m => m.Recall), null),
            NanAverage(perClass.Select(m => m.F1), null));
        var weighted = new AveragedMetrics(
            NanAverage(perClass.Select(m => m.Precision), supports),
            NanAverage(perClass.Select(m => m.Recall), supports),
            NanAverage(perClass.Select(m => m.F1), supports));

        // Every row belongs to one of the labels, so the predicted and actual totals (of rows or of weights) both
        // equal the total W > 0: micro values are always defined, and micro precision = recall = F1 = tp / W.
        var total = matrix.TotalWeight;
        var micro = new AveragedMetrics(tpWeight / total, tpWeight / total, 2.0 * tpWeight / (total + total));

        return new MulticlassReport<TLabel>(
            matrix,
            perClass.AsReadOnly(),
            macro,
            micro,
            weighted,
            tpWeight / total,
            actual.Length,
            tpSum,
            zeroDivision,
            undefined.Items,
            everyLabelOccurs);
    }

    /// <summary>The confusion matrix of the rows over <paramref name="ordered"/> (rows = actual, columns = predicted), with weighted cells when weights are given.</summary>
    private static ConfusionMatrix<TLabel> Count<TLabel>(ReadOnlySpan<TLabel> actual, ReadOnlySpan<TLabel> predicted, double[]? weights, List<TLabel> ordered)
        where TLabel : notnull
    {
        var k = ordered.Count;
        var index = new Dictionary<TLabel, int>(k);
        for (var i = 0; i < k; i++)
        {
            index.Add(ordered[i], i);
        }

        var counts = new long[k, k];
        var cells = weights is null ? null : new double[k, k];
        for (var row = 0; row < actual.Length; row++)
        {
            var a = IndexOf(index, actual[row], row, nameof(actual));
            var p = IndexOf(index, predicted[row], row, nameof(predicted));
            counts[a, p]++;
            if (cells is not null)
            {
                cells[a, p] += weights![row];
            }
        }

        return new ConfusionMatrix<TLabel>(new ReadOnlyCollection<TLabel>(ordered), index, counts, cells);
    }

    /// <summary>Each class's one-vs-rest precision, recall and F1; zero denominators go through the policy and are recorded.</summary>
    private static List<ClassMetrics<TLabel>> PerClass<TLabel>(ConfusionMatrix<TLabel> matrix, UndefinedMetrics undefined)
        where TLabel : notnull
    {
        var perClass = new List<ClassMetrics<TLabel>>(matrix.Labels.Count);
        for (var c = 0; c < matrix.Labels.Count; c++)
        {
            var tp = matrix.Weight(c, c);
            var predictedCount = matrix.PredictedWeight(c);
            var support = matrix.ActualWeight(c);
            var name = Preconditions.Format(matrix.Labels[c]);
            var precision = undefined.Divide(tp, predictedCount, $"precision[{name}]", "class never predicted (tp + fp = 0)");
            var recall = undefined.Divide(tp, support, $"recall[{name}]", "class never occurs in actual (tp + fn = 0)");

            // 2tp + fp + fn = predicted + support.
            var f1 = undefined.Divide(2.0 * tp, predictedCount + support, $"f1[{name}]", "class neither occurs nor is predicted (tp + fp + fn = 0)");
            perClass.Add(new ClassMetrics<TLabel>(matrix.Labels[c], precision, recall, f1, matrix.ActualTotal(c)) { WeightedSupport = support });
        }

        return perClass;
    }

    /// <summary>The mean (weighted when <paramref name="weights"/> is given) of the non-NaN values, as scikit-learn's <c>_nanaverage</c>.</summary>
    internal static double NanAverage(IEnumerable<double> values, double[]? weights)
    {
        double sum = 0, weightSum = 0, plainSum = 0;
        var count = 0;
        var i = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                var w = weights is null ? 1.0 : weights[i];
                sum += w * v;
                weightSum += w;
                plainSum += v;
                count++;
            }

            i++;
        }

        if (count == 0)
        {
            return double.NaN;
        }

        // All remaining weights zero: scikit-learn falls back to the unweighted mean.
        return weightSum > 0 ? sum / weightSum : plainSum / count;
    }

    internal static void CheckNoNulls<TLabel>(ReadOnlySpan<TLabel> values, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{paramName}[{i}] is null; every label must be a value. Remove the row or give it a label."),
                    paramName);
            }
        }
    }

    private static List<TLabel> SortedUnion<TLabel>(ReadOnlySpan<TLabel> actual, ReadOnlySpan<TLabel> predicted)
        where TLabel : notnull
    {
        var set = new HashSet<TLabel>();
        foreach (var a in actual)
        {
            set.Add(a);
        }

        foreach (var p in predicted)
        {
            set.Add(p);
        }

        var list = set.ToList();

        // numpy sorts strings by code point; Comparer<string>.Default would use culture rules.
        var comparer = typeof(TLabel) == typeof(string)
            ? (IComparer<TLabel>)(object)StringComparer.Ordinal
            : Comparer<TLabel>.Default;
        try
        {
            list.Sort(comparer);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(
                $"labels is null and the label type {typeof(TLabel).Name} cannot be sorted (it does not implement IComparable<{typeof(TLabel).Name}>); pass labels explicitly to fix the class order.",
                "labels",
                e);
        }

        return list;
    }

    internal static List<TLabel> CheckedLabels<TLabel>(IReadOnlyList<TLabel> labels, string paramName = "labels", string? emptyFix = null)
        where TLabel : notnull
    {
        Preconditions.CheckNotEmpty(labels.Count, paramName, emptyFix ?? "List every class, or pass null to use every label that occurs.");

        var seen = new Dictionary<TLabel, int>(labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (label is null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{paramName}[{i}] is null; every label must be a value. Remove it from {paramName}."),
                    paramName);
            }

            if (!seen.TryAdd(label, i))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{paramName}[{i}] is '{Preconditions.Format(label)}', which already appears at {paramName}[{seen[label]}]; each class must be listed once. Remove the duplicate."),
                    paramName);
            }
        }

        return labels.ToList();
    }

    private static int IndexOf<TLabel>(Dictionary<TLabel, int> index, TLabel label, int row, string paramName)
        where TLabel : notnull
    {
        if (!index.TryGetValue(label, out var i))
        {
            var text = Preconditions.Format(label);
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{paramName}[{row}] is '{text}', which is not in labels; every actual and predicted value must be one of labels. Add '{text}' to labels, or pass labels: null to use every label that occurs."),
                paramName);
        }

        return i;
    }
}
