using System.Globalization;
using System.Text;

namespace ClassicalML.Evaluation;

/// <summary>
/// The result of <see cref="MulticlassEvaluation.Evaluate{TLabel}(ReadOnlySpan{TLabel}, ReadOnlySpan{TLabel}, IReadOnlyList{TLabel}?, ZeroDivision)"/>: confusion matrix, per-class
/// precision, recall and F1, their macro, micro and weighted averages, and accuracy. Immutable.
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
/// <remarks>
/// With K classes, per-class tp, fp, fn from the confusion matrix C (rows = actual, columns = predicted):
/// tp_c = C[c, c], fp_c = sum_i C[i, c] - tp_c, fn_c = sum_j C[c, j] - tp_c, support_c = tp_c + fn_c.
/// <list type="bullet">
/// <item>precision_c = tp_c / (tp_c + fp_c), recall_c = tp_c / (tp_c + fn_c), F1_c = 2 tp_c / (2 tp_c + fp_c + fn_c).</item>
/// <item>Macro: the unweighted mean over classes of each per-class metric.</item>
/// <item>Weighted: the mean over classes weighted by support_c.</item>
/// <item>Micro: the metric computed from the summed counts, sum tp / (sum tp + sum fp) and so on. For
/// single-label multiclass data every row falls in one class, so micro precision = micro recall = micro F1 = accuracy.</item>
/// <item>Accuracy = sum_c tp_c / N.</item>
/// </list>
/// A per-class value whose denominator is zero is replaced by the <see cref="ZeroDivision"/> policy value
/// and listed in <see cref="Undefined"/>. Averages use the replaced values, as scikit-learn does; with
/// <see cref="ZeroDivision.NaN"/> the NaN values are left out of the averages (scikit-learn 1.3+'s
/// <c>_nanaverage</c>), and an average is NaN only when every per-class value is NaN.
/// With row weights (<see cref="IsWeighted"/>) every cell of C is a sum of weights (<see cref="ConfusionMatrix{TLabel}.Weight(int, int)"/>),
/// so tp, fp, fn, support_c and N above are weighted, as scikit-learn's <c>sample_weight</c>; <see cref="N"/>,
/// <see cref="Correct"/> and <see cref="ClassMetrics{TLabel}.Support"/> still count rows.
/// </remarks>
public sealed class MulticlassReport<TLabel>
    where TLabel : notnull
{
    private readonly bool _everyLabelOccurs;

    internal MulticlassReport(
        ConfusionMatrix<TLabel> confusionMatrix,
        IReadOnlyList<ClassMetrics<TLabel>> perClass,
        AveragedMetrics macro,
        AveragedMetrics micro,
        AveragedMetrics weighted,
        double accuracy,
        int n,
        long correct,
        ZeroDivision zeroDivision,
        IReadOnlyList<UndefinedMetric> undefined,
        bool everyLabelOccurs)
    {
        ConfusionMatrix = confusionMatrix;
        PerClass = perClass;
        Macro = macro;
        Micro = micro;
        Weighted = weighted;
        Accuracy = accuracy;
        N = n;
        Correct = correct;
        ZeroDivision = zeroDivision;
        Undefined = undefined;
        _everyLabelOccurs = everyLabelOccurs;
    }

    /// <summary>The classes, in report order: the given labels, or the sorted union of actual and predicted labels.</summary>
    public IReadOnlyList<TLabel> Labels => ConfusionMatrix.Labels;

    /// <summary>The K x K confusion matrix, rows = actual, columns = predicted, in the order of <see cref="Labels"/>.</summary>
    public ConfusionMatrix<TLabel> ConfusionMatrix { get; }

    /// <summary>Precision, recall, F1 and support of each class, in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<ClassMetrics<TLabel>> PerClass { get; }

    /// <summary>The unweighted mean of the per-class metrics (every class counts the same).</summary>
    public AveragedMetrics Macro { get; }

    /// <summary>The metrics computed from counts summed over classes; each equals <see cref="Accuracy"/> for single-label data.</summary>
    public AveragedMetrics Micro { get; }

    /// <summary>The mean of the per-class metrics weighted by support (scikit-learn's <c>average="weighted"</c>).</summary>
    public AveragedMetrics Weighted { get; }

    /// <summary>True when the report was computed with row weights (<see cref="ConfusionMatrix{TLabel}.IsWeighted"/>): the
    /// ratios, averages and accuracy are weighted, <see cref="N"/> and <see cref="Correct"/> stay numbers of rows.</summary>
    public bool IsWeighted => ConfusionMatrix.IsWeighted;

    /// <summary>The total weight of the rows (<see cref="N"/> when not weighted).</summary>
    public double TotalWeight => ConfusionMatrix.TotalWeight;

    /// <summary>The fraction of rows whose predicted label equals the actual label: trace(C) / N; with weights, the
    /// weight of the correct rows over <see cref="TotalWeight"/> (scikit-learn's <c>accuracy_score(..., sample_weight=w)</c>).</summary>
    public double Accuracy { get; }

    /// <summary>The number of rows evaluated.</summary>
    public int N { get; }

    /// <summary>
    /// The number of rows predicted correctly, trace(C); with <see cref="N"/> it gives an interval for
    /// accuracy: <c>Intervals.Wilson(report.Correct, report.N)</c>.
    /// </summary>
    public long Correct { get; }

    /// <summary>The policy that replaced undefined values.</summary>
    public ZeroDivision ZeroDivision { get; }

    /// <summary>Every per-class value whose denominator was zero, with the reason and the value reported instead.</summary>
    public IReadOnlyList<UndefinedMetric> Undefined { get; }

    /// <summary>The metrics of one class.</summary>
    /// <param name="label">One of <see cref="Labels"/>.</param>
    /// <returns>The class's metrics.</returns>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not one of <see cref="Labels"/>.</exception>
    public ClassMetrics<TLabel> ForLabel(TLabel label)
    {
        var comparer = EqualityComparer<TLabel>.Default;
        foreach (var m in PerClass)
        {
            if (comparer.Equals(m.Label, label))
            {
                return m;
            }
        }

        throw new ArgumentException(
            $"label is '{Preconditions.Format(label)}', which is not one of the report's labels; use one of Labels.",
            nameof(label));
    }

    /// <summary>
    /// A plain-text table in the layout of scikit-learn's <c>classification_report</c>: one row per
    /// class, then accuracy (or "micro avg" when some label in <see cref="Labels"/> never occurs),
    /// macro avg and weighted avg. Numbers use the invariant culture; NaN prints as <c>nan</c>.
    /// </summary>
    /// <param name="digits">Digits after the decimal point, 0 to 15.</param>
    /// <returns>The report, each line ending in a line feed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is outside 0 to 15.</exception>
    public string ToText(int digits = 2)
    {
        Preconditions.CheckArgumentRange(digits, 0, 15, nameof(digits), "Pass, for example, 2 or 4.");

        const string LongestHeading = "weighted avg";
        var names = Labels.Select(l => Preconditions.Format(l)).ToList();
        var width = Math.Max(Math.Max(names.Max(s => s.Length), LongestHeading.Length), digits);
        var text = new StringBuilder();
        text.Append(new string(' ', width)).Append(' ');
        foreach (var header in new[] { "precision", "recall", "f1-score", "support" })
        {
            text.Append(' ').Append(header.PadLeft(9));
        }

        text.Append("\n\n");
        for (var i = 0; i < PerClass.Count; i++)
        {
            var m = PerClass[i];
            AppendRow(text, names[i], width, Number(m.Precision, digits), Number(m.Recall, digits), Number(m.F1, digits), Support(m.Support, m.WeightedSupport));
        }

        text.Append('\n');
        if (_everyLabelOccurs)
        {
            AppendRow(text, "accuracy", width, string.Empty, string.Empty, Number(Accuracy, digits), Support(N, TotalWeight));
        }
        else
        {
            AppendRow(text, "micro avg", width, Number(Micro.Precision, digits), Number(Micro.Recall, digits), Number(Micro.F1, digits), Support(N, TotalWeight));
        }

        AppendRow(text, "macro avg", width, Number(Macro.Precision, digits), Number(Macro.Recall, digits), Number(Macro.F1, digits), Support(N, TotalWeight));
        AppendRow(text, LongestHeading, width, Number(Weighted.Precision, digits), Number(Weighted.Recall, digits), Number(Weighted.F1, digits), Support(N, TotalWeight));
        return text.ToString();
    }

    private static string Number(double value, int digits)
        => double.IsNaN(value) ? "nan" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The support column: the row count, or with weights the weighted support (as scikit-learn prints it).</summary>
    private string Support(long rows, double weight)
        => IsWeighted ? weight.ToString("R", CultureInfo.InvariantCulture) : rows.ToString(CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, string name, int width, string precision, string recall, string f1, string support)
    {
        text.Append(name.PadLeft(width)).Append(' ');
        text.Append(' ').Append(precision.PadLeft(9));
        text.Append(' ').Append(recall.PadLeft(9));
        text.Append(' ').Append(f1.PadLeft(9));
        text.Append(' ').Append(support.PadLeft(9));
        text.Append('\n');
    }
}
