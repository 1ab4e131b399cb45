using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Csv;

namespace ClassicalML.Cli;

/// <summary>
/// What the readers of columnar files (Parquet, Arrow IPC) share: columns by position, errors that name the row, and
/// the rules for one block of rows (a row group, a record batch) with labels as numbers or text and scores as doubles.
/// </summary>
internal abstract class ColumnarPredictions : PredictionFile
{
    private readonly string[] names;
    private long row;

    protected ColumnarPredictions(string path, string[] names)
        : base(path) => this.names = names;

    /// <summary>How a label column is stored.</summary>
    internal enum LabelKind
    {
        Boolean,
        Number,
        Text,
    }

    public override IReadOnlyList<string> Columns => names;

    public override int IndexOf(string name, StringComparison comparison) =>
        ColumnLookup.IndexOf(names, name, comparison, (problem, fix) => HeaderError(name, problem, fix));

    public override int ColumnNumber(int column) => column + 1;

    public override DataFormatException HeaderError(string? column, string problem, string fix) => new(Path, 0, column, problem, fix);

    public override DataFormatException Error(int column, string problem, string fix) =>
        new(Path, 0, names[column], column + 1, string.Create(CultureInfo.InvariantCulture, $"row {row + 1}: {problem}"), fix);

    /// <summary>
    /// The next <paramref name="scores"/>.Length rows (binary mode): each kept row's class goes to <paramref name="positives"/>
    /// and its score is compacted in place to the front of <paramref name="scores"/>; missing values follow the policy.
    /// </summary>
    /// <param name="rows">The label rule, the missing-value policy and the collector.</param>
    /// <param name="label">The label column, for messages.</param>
    /// <param name="score">The score column, for messages.</param>
    /// <param name="kind">How the labels are stored.</param>
    /// <param name="labels">The labels as numbers (NaN for null) unless <paramref name="texts"/> holds them.</param>
    /// <param name="texts">The labels as text (null for null), or null.</param>
    /// <param name="scores">The block's scores (NaN for null); the kept ones end up at the front.</param>
    /// <param name="positives">At least as long as <paramref name="scores"/>: the kept rows' classes.</param>
    /// <returns>The number of rows kept.</returns>
    protected int ReadBlock(BinaryRows rows, int label, int score, LabelKind kind, ReadOnlySpan<double> labels, string?[]? texts, Span<double> scores, Span<bool> positives)
    {
        var kept = 0;
        var start = row;
        for (var i = 0; i < scores.Length; i++)
        {
            if (kind == LabelKind.Number)
            {
                i = TakeCachedNumbers(rows.Labels, labels, scores, positives, i, ref kept);
                if (i == scores.Length)
                {
                    break;
                }
            }

            row = start + i;
            if (TryRow(rows, label, score, kind, labels, texts, i, scores[i], out positives[kept]))
            {
                scores[kept++] = scores[i]; // compacts in place: kept <= i
            }
        }

        row = start + scores.Length;
        return kept;
    }

    /// <summary>
    /// The fast path of the binary <c>ReadBlock</c> for numeric labels: takes rows from <paramref name="i"/> on while the
    /// label is a number already classified and the score is finite, exactly as <see cref="TryRow"/> would take them;
    /// returns the first row it did not take.
    /// </summary>
    private static int TakeCachedNumbers(BinaryLabelRule rule, ReadOnlySpan<double> labels, Span<double> scores, Span<bool> positives, int i, ref int kept)
    {
        var k = kept;
        for (; i < scores.Length; i++)
        {
            var s = scores[i];
            if (!double.IsFinite(s) || !rule.TryCachedNumber(labels[i], out var positive))
            {
                break;
            }

            positives[k] = positive;
            scores[k++] = s;
        }

        kept = k;
        return i;
    }

    /// <summary>The next rows (multiclass mode), labels as text with null for a missing one.</summary>
    protected void ReadBlock(MulticlassRows rows, int actual, int predicted, string?[] a, string?[] p)
    {
        var start = row;
        for (var i = 0; i < a.Length; i++)
        {
            row = start + i;
            if (string.IsNullOrEmpty(a[i]))
            {
                rows.Missing(this, actual, "the label is missing (null or empty)");
            }
            else if (string.IsNullOrEmpty(p[i]))
            {
                rows.Missing(this, predicted, "the predicted label is missing (null or empty)");
            }
            else
            {
                rows.Add(a[i]!, p[i]!);
            }
        }

        row = start + a.Length;
    }

    /// <summary>The next rows (multiclass-from-scores mode): labels as text (null when missing), one array per score column (NaN when missing).</summary>
    protected void ReadBlock(ScoreRows rows, int label, int[] scores, string?[] labels, double[][] columns)
    {
        var start = row;
        for (var i = 0; i < labels.Length; i++)
        {
            row = start + i;
            var values = rows.Row;
            for (var k = 0; k < scores.Length; k++)
            {
                values[k] = columns[k][i];
            }

            rows.Add(this, label, labels[i].AsSpan().Trim(), scores, k => double.IsNaN(columns[k][i]) ? "null or NaN" : ScoreRows.Text(columns[k][i]));
        }

        row = start + labels.Length;
    }

    /// <summary>A number label or score as text for multiclass mode: "true"/"false" for Booleans, round-trip digits otherwise, null for NaN.</summary>
    protected static string? AsText(double value, LabelKind kind) =>
        double.IsNaN(value) ? null : kind == LabelKind.Boolean ? (value != 0 ? "true" : "false") : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Classifies row <paramref name="i"/> of a block; false when it is skipped as missing.</summary>
    private bool TryRow(BinaryRows rows, int label, int score, LabelKind kind, ReadOnlySpan<double> labels, string?[]? texts, int i, double s, out bool positive)
    {
        positive = false;
        var text = texts?[i];
        var l = texts is not null ? double.NaN : labels[i];
        if (texts is not null ? string.IsNullOrEmpty(text) : double.IsNaN(l))
        {
            rows.Missing(this, label, "the label is missing (null or NaN)");
            return false;
        }

        if (double.IsNaN(s))
        {
            rows.Missing(this, score, "the score is missing (null or NaN)");
            return false;
        }

        if (double.IsInfinity(s))
        {
            throw rows.Infinite(this, score, s.ToString(CultureInfo.InvariantCulture));
        }

        positive = kind switch
        {
            LabelKind.Boolean => rows.Labels.FromBoolean(l != 0, this, label),
            LabelKind.Number => rows.Labels.FromNumber(l, this, label),
            _ => rows.Labels.FromText(text.AsSpan().Trim(), this, label),
        };
        return true;
    }
}
