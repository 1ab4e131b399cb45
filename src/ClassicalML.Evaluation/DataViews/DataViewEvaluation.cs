using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Evaluation;

/// <summary>
/// Reads scored predictions out of an ML.NET <see cref="IDataView"/> (the output of
/// <c>model.Transform(testData)</c>) and evaluates them with this library.
/// </summary>
/// <remarks>
/// ML.NET's own <c>BinaryClassification.Evaluate</c> gives no curve points, no intervals, uses
/// log base 2 for log loss, breaks ties in AUPRC by row order and samples above 100k rows. These
/// methods read the columns once into arrays and apply the exact, scikit-learn-compatible
/// metrics of <see cref="BinaryEvaluation"/>, <see cref="Roc"/> and <see cref="PrecisionRecall"/>.
/// </remarks>
public static partial class DataViewEvaluation
{
    /// <summary>
    /// Reads the label column and the score used for evaluation from scored predictions.
    /// </summary>
    /// <param name="predictions">Scored data, e.g. <c>model.Transform(test)</c>.</param>
    /// <param name="labelColumnName">Label column: Boolean, or a numeric column holding only 0 and 1.</param>
    /// <param name="scoreColumnName">Raw score column (Single or Double), used when there is no probability column.</param>
    /// <param name="probabilityColumnName">
    /// Calibrated probability column (Single or Double). When it exists it is used as the score,
    /// so log loss and Brier score are defined; pass <see langword="null"/> to always use the raw score.
    /// </param>
    /// <param name="weightColumnName">Row weight column (Single or Double, each weight finite and at least 0), read into
    /// <see cref="BinaryPredictions.Weights"/>; <see langword="null"/> (the default) for unweighted rows.</param>
    /// <returns>The labels and scores (and weights) in row order, and which column the scores came from.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predictions"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, or a label is not 0/1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names the column and row).</exception>
    public static BinaryPredictions ReadBinaryPredictions(
        this IDataView predictions,
        string labelColumnName = "Label",
        string scoreColumnName = "Score",
        string? probabilityColumnName = "Probability",
        string? weightColumnName = null)
    {
        BinaryColumns columns = ResolveBinaryColumns(predictions, labelColumnName, scoreColumnName, probabilityColumnName, weightColumnName);
        (bool[] labels, double[] scores, double[]? weights) = ReadBinaryRows(predictions, columns.Needed, columns.Label, columns.Score, columns.Weight);
        return new BinaryPredictions(labels, scores, columns.ScoreName, columns.IsProbability) { Weights = weights };
    }

    /// <summary>The columns a binary evaluation reads (label, score and, when named, weight), their readers, and where the scores come from.</summary>
    private sealed record BinaryColumns(
        DataViewSchema.Column[] Needed,
        Func<DataViewRowCursor, Func<long, bool>> Label,
        Func<DataViewRowCursor, Func<double>> Score,
        Func<DataViewRowCursor, Func<long, double>>? Weight,
        string ScoreName,
        bool IsProbability);

    /// <summary>
    /// The columns of a binary evaluation (label, score, weight) and their readers, resolved from the view's schema with
    /// the errors <see cref="ReadBinaryPredictions"/> documents.
    /// </summary>
    private static BinaryColumns ResolveBinaryColumns(
        IDataView predictions,
        string labelColumnName,
        string scoreColumnName,
        string? probabilityColumnName,
        string? weightColumnName)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var schema = predictions.Schema;
        var label = RequireColumn(schema, labelColumnName, nameof(labelColumnName));
        DataViewSchema.Column score;
        bool isProbability;
        var probability = probabilityColumnName is null ? null : schema.GetColumnOrNull(probabilityColumnName);
        if (probability is { } p)
        {
            score = p;
            isProbability = true;
        }
        else
        {
            score = RequireColumn(schema, scoreColumnName, nameof(scoreColumnName));
            isProbability = false;
        }

        var labelGetterFactory = LabelReader(label, labelColumnName);
        var scoreGetterFactory = ScoreReader(score, nameof(scoreColumnName));
        DataViewSchema.Column? weight = weightColumnName is null ? null : RequireColumn(schema, weightColumnName, nameof(weightColumnName));
        var weightGetterFactory = weight is { } w ? WeightReader(w) : null;
        DataViewSchema.Column[] needed = weight is { } wc ? [label, score, wc] : [label, score];
        return new BinaryColumns(needed, labelGetterFactory, scoreGetterFactory, weightGetterFactory, score.Name, isProbability);
    }

    /// <summary>
    /// Reads every row's label, score (and weight) of the columns <paramref name="needed"/> (label, score, weight) into arrays of exactly the number of rows: sized once from
    /// <see cref="IDataView.GetRowCount"/> when the view knows it, else grown by doubling and trimmed at the end.
    /// </summary>
    private static (bool[] Labels, double[] Scores, double[]? Weights) ReadBinaryRows(
        IDataView predictions,
        DataViewSchema.Column[] needed,
        Func<DataViewRowCursor, Func<long, bool>> labelGetterFactory,
        Func<DataViewRowCursor, Func<double>> scoreGetterFactory,
        Func<DataViewRowCursor, Func<long, double>>? weightGetterFactory)
    {
        int length = KnownRows(predictions) is > 0 and int known ? known : 1024;
        bool[] labels = GC.AllocateUninitializedArray<bool>(length);
        double[] scores = GC.AllocateUninitializedArray<double>(length);
        double[]? weights = weightGetterFactory is null ? null : GC.AllocateUninitializedArray<double>(length);
        int n = 0;
        using (var cursor = predictions.GetRowCursor(needed))
        {
            BinaryRowReader row = BinaryGetters(cursor, needed, labelGetterFactory, scoreGetterFactory);
            var getWeight = weightGetterFactory?.Invoke(cursor);
            while (cursor.MoveNext())
            {
                if (n == labels.Length)
                {
                    // The view did not know its row count (or had more rows than it said).
                    int grown = (int)Math.Min(Array.MaxLength, Math.Max(1024L, 2L * n));
                    Array.Resize(ref labels, grown);
                    Array.Resize(ref scores, grown);
                    if (weights is not null)
                    {
                        Array.Resize(ref weights, grown);
                    }
                }

                scores[n] = row.Read(n, out labels[n]);
                if (weights is not null)
                {
                    weights[n] = getWeight!(n);
                }

                n++;
            }
        }

        return n == labels.Length ? (labels, scores, weights) : (labels[..n], scores[..n], weights?[..n]);
    }

    /// <summary>
    /// The getters of a label and a score column (<paramref name="needed"/>[0] and [1]): the common types (Boolean label,
    /// Single score) straight from the cursor's getters (one delegate call a value), the others through the readers.
    /// </summary>
    private static BinaryRowReader BinaryGetters(
        DataViewRowCursor cursor,
        DataViewSchema.Column[] needed,
        Func<DataViewRowCursor, Func<long, bool>> labelGetterFactory,
        Func<DataViewRowCursor, Func<double>> scoreGetterFactory)
    {
        ValueGetter<bool>? booleanLabel = needed[0].Type == BooleanDataViewType.Instance ? cursor.GetGetter<bool>(needed[0]) : null;
        ValueGetter<float>? singleScore = needed[1].Type == NumberDataViewType.Single ? cursor.GetGetter<float>(needed[1]) : null;
        return new BinaryRowReader(booleanLabel, singleScore, booleanLabel is null ? labelGetterFactory(cursor) : null, singleScore is null ? scoreGetterFactory(cursor) : null);
    }

    /// <summary>
    /// The label and score of the cursor's current row, through <see cref="BinaryGetters"/>' getters: one reader of rows for
    /// <see cref="ReadBinaryRows"/> and the chunked evaluation (inlined into both loops).
    /// </summary>
    private readonly struct BinaryRowReader(ValueGetter<bool>? booleanLabel, ValueGetter<float>? singleScore, Func<long, bool>? label, Func<double>? score)
    {
        /// <summary>The current row's score (a Single widened exactly to double) and its label; <paramref name="row"/> (from 0) names a bad label's row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal double Read(long row, out bool positive)
        {
            if (booleanLabel is not null)
            {
                positive = false;
                booleanLabel(ref positive);
            }
            else
            {
                positive = label!(row);
            }

            if (singleScore is not null)
            {
                float value = 0;
                singleScore(ref value);
                return value;
            }

            return score!();
        }
    }

    /// <summary>The view's row count when it knows it (and an array can hold it), else 0: the size to allocate for its rows up front.</summary>
    private static int KnownRows(IDataView view) => view.GetRowCount() is { } rows && rows <= Array.MaxLength ? (int)rows : 0;

    /// <summary>Reads a weight column, checking each weight on the one checker ("W[row] is -1; it must be …").</summary>
    private static Func<DataViewRowCursor, Func<long, double>> WeightReader(DataViewSchema.Column column)
    {
        var read = ScoreReader(column, "weightColumnName");
        return cursor =>
        {
            var get = read(cursor);
            return row =>
            {
                double w = get();
                if (!(w >= 0) || !double.IsFinite(w))
                {
                    // Only a bad weight pays for the name of its cell.
                    Preconditions.CheckNonNegative(w, "weightColumnName", Preconditions.WeightFix, string.Create(CultureInfo.InvariantCulture, $"{column.Name}[{row}]"));
                }

                return w;
            };
        };
    }

    /// <summary>
    /// Evaluates scored binary predictions with <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>.
    /// </summary>
    /// <param name="predictions">Scored data, e.g. <c>model.Transform(test)</c>.</param>
    /// <param name="labelColumnName">Label column: Boolean, or numeric holding only 0 and 1.</param>
    /// <param name="scoreColumnName">Raw score column, used when there is no probability column.</param>
    /// <param name="probabilityColumnName">Probability column, preferred when present; <see langword="null"/> to use the raw score.</param>
    /// <param name="threshold">
    /// Decision threshold (a row is positive when its score is at least the threshold). When
    /// <see langword="null"/>: 0.5 for probabilities, 0 for raw scores (ML.NET's convention).
    /// </param>
    /// <param name="beta">β of the F-beta score.</param>
    /// <param name="zeroDivision">Value reported for undefined metrics; they are listed in <see cref="BinaryReport.Undefined"/> regardless.</param>
    /// <param name="weightColumnName">Row weight column (Single or Double; scikit-learn's <c>sample_weight</c>, ML.NET's example
    /// weight): when given, the report is the weighted one of
    /// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>;
    /// <see langword="null"/> (the default) for unweighted rows.</param>
    /// <returns>The evaluation report.</returns>
    /// <remarks>
    /// Without a weight column the rows are not read into arrays: the calling thread reads the cursor in chunks of
    /// 65,536 rows and makes the per-row pass over each (confusion counts, Brier sum) while a thread-pool thread ranks the
    /// finished chunks in row order (tie counts, log loss), so evaluating overlaps reading
    /// (memory: a few chunks and the tie table, not 9 bytes a row). The report is the same, bit for bit, as
    /// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> of the
    /// values <see cref="ReadBinaryPredictions"/> reads, on any number of cores. With a weight column the columns are read into arrays first.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="predictions"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or has an unsupported type, a label is not 0/1, a score is not finite, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names the column and row).</exception>
    public static BinaryReport EvaluateBinary(
        this IDataView predictions,
        string labelColumnName = "Label",
        string scoreColumnName = "Score",
        string? probabilityColumnName = "Probability",
        double? threshold = null,
        double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Zero,
        string? weightColumnName = null)
    {
        if (weightColumnName is not null)
        {
            // Weighted: read the columns into arrays, then the weighted array path.
            var read = predictions.ReadBinaryPredictions(labelColumnName, scoreColumnName, probabilityColumnName, weightColumnName);
            return BinaryEvaluation.Evaluate(read.Labels, read.Scores, read.Weights!, threshold ?? (read.ScoresAreProbabilities ? 0.5 : 0.0), beta, zeroDivision);
        }

        BinaryColumns columns = ResolveBinaryColumns(predictions, labelColumnName, scoreColumnName, probabilityColumnName, weightColumnName: null);
        double t = threshold ?? (columns.IsProbability ? 0.5 : 0.0);
        return EvaluateInChunks(predictions, columns, t, beta, zeroDivision);
    }

    private static DataViewSchema.Column RequireColumn(DataViewSchema schema, string name, string argument)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, argument);
        if (schema.GetColumnOrNull(name) is { } column)
        {
            return column;
        }

        var available = string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
        throw new ArgumentException(
            $"{argument} is '{name}', but the data view has no such column; available columns: {available}. Pass the name of the column to use.",
            argument);
    }

    private static Func<DataViewRowCursor, Func<long, bool>> LabelReader(DataViewSchema.Column column, string name)
    {
        var type = column.Type;
        if (type == BooleanDataViewType.Instance)
        {
            return cursor =>
            {
                var getter = cursor.GetGetter<bool>(column);
                bool value = false;
                return _ => { getter(ref value); return value; };
            };
        }

        if (type == NumberDataViewType.Single || type == NumberDataViewType.Double)
        {
            var toDouble = NumberReader(column);
            return cursor =>
            {
                var get = toDouble(cursor);
                return row =>
                {
                    double v = get();
                    return v switch
                    {
                        0.0 => false,
                        1.0 => true,
                        _ => throw new ArgumentException(
                            $"Label column '{name}' holds {v.ToString("R", CultureInfo.InvariantCulture)} at row {row}; a numeric binary label must be 0 or 1. Map the labels to Boolean (or 0/1) before evaluating.",
                            "labelColumnName"),
                    };
                };
            };
        }

        throw new ArgumentException(
            $"Label column '{name}' has type {type}; binary evaluation needs a Boolean column or a Single/Double column holding 0 and 1. Convert it (e.g. with a custom mapping) before evaluating.",
            "labelColumnName");
    }

    private static Func<DataViewRowCursor, Func<double>> ScoreReader(DataViewSchema.Column column, string argument)
    {
        if (column.Type == NumberDataViewType.Single || column.Type == NumberDataViewType.Double)
        {
            return NumberReader(column);
        }

        throw new ArgumentException(
            $"Score column '{column.Name}' has type {column.Type}; scores must be Single or Double. Pass the name of the numeric score column.",
            argument);
    }

    private static Func<DataViewRowCursor, Func<double>> NumberReader(DataViewSchema.Column column)
    {
        if (column.Type == NumberDataViewType.Single)
        {
            return cursor =>
            {
                var getter = cursor.GetGetter<float>(column);
                float value = 0;
                return () => { getter(ref value); return value; };
            };
        }

        return cursor =>
        {
            var getter = cursor.GetGetter<double>(column);
            double value = 0;
            return () => { getter(ref value); return value; };
        };
    }

    private static Func<DataViewRowCursor, Func<string>> TextReader(DataViewSchema.Column column, string argument)
    {
        var type = column.Type;
        if (type is KeyDataViewType key && key.RawType == typeof(uint))
        {
            string[]? names = KeyNames(column);
            return cursor =>
            {
                var getter = cursor.GetGetter<uint>(column);
                uint value = 0;
                return () =>
                {
                    getter(ref value);
                    // Key 0 is ML.NET's "missing"; keys are 1-based.
                    if (value == 0)
                    {
                        return "(missing)";
                    }

                    return names is not null && value <= names.Length
                        ? names[value - 1]
                        : value.ToString(CultureInfo.InvariantCulture);
                };
            };
        }

        if (type is TextDataViewType)
        {
            return cursor =>
            {
                var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
                ReadOnlyMemory<char> value = default;
                return () => { getter(ref value); return value.ToString(); };
            };
        }

        if (type == NumberDataViewType.Single || type == NumberDataViewType.Double)
        {
            var read = NumberReader(column);
            return cursor =>
            {
                var get = read(cursor);
                return () => get().ToString("R", CultureInfo.InvariantCulture);
            };
        }

        if (type == BooleanDataViewType.Instance)
        {
            return cursor =>
            {
                var getter = cursor.GetGetter<bool>(column);
                bool value = false;
                return () => { getter(ref value); return value ? "true" : "false"; };
            };
        }

        throw new ArgumentException(
            $"Column '{column.Name}' has type {type}; multiclass evaluation needs a key, text, numeric or Boolean column. Pass the name of the label column.",
            argument);
    }

    private static string[]? KeyNames(DataViewSchema.Column column) => TextAnnotation(column, "KeyValues");
}

/// <summary>Labels and scores read from an ML.NET data view, in row order.</summary>
/// <param name="Labels">Actual labels, true for the positive class.</param>
/// <param name="Scores">The scores used for evaluation (probabilities when <paramref name="ScoresAreProbabilities"/>).</param>
/// <param name="ScoreColumnName">The column the scores were read from.</param>
/// <param name="ScoresAreProbabilities">Whether the scores came from a calibrated probability column.</param>
public sealed record BinaryPredictions(bool[] Labels, double[] Scores, string ScoreColumnName, bool ScoresAreProbabilities)
{
    /// <summary>The row weights read from the weight column, in row order, or null when no weight column was named.</summary>
    public double[]? Weights { get; init; }
}
