using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// An immutable n x K matrix of class scores, one row per example and one column per class (scikit-learn's
/// <c>y_score</c> / <c>predict_proba</c> shape), stored row-major and checked once when built: every score is a
/// finite number. Rows need not sum to 1; only the probability metrics (log loss, Brier score) ask for that.
/// </summary>
/// <remarks>
/// The column order is the class order given to <see cref="MulticlassScoreEvaluation"/>: column c holds the scores of
/// <c>classes[c]</c>. The matrix itself knows no labels.
/// </remarks>
public sealed class ScoreMatrix
{
    private readonly double[] _values;

    /// <summary>Copies a rectangular array, <c>scores[row, column]</c>.</summary>
    /// <param name="scores">n x K scores; n ≥ 1 rows and K ≥ 2 columns.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentException">No row, fewer than 2 columns, or a score is NaN or infinite (the message names its row and column).</exception>
    public ScoreMatrix(double[,] scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int rows = scores.GetLength(0);
        int columns = scores.GetLength(1);
        var values = new double[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = scores[r, c];
            }
        }

        (_values, RowCount, ClassCount) = Checked(values, rows, columns, nameof(scores));
        Epsilon = DoubleEpsilon;
    }

    private ScoreMatrix(double[] values, int rows, int columns, string paramName, string? name = null, bool single = false)
    {
        (_values, RowCount, ClassCount) = Checked(values, rows, columns, paramName, name ?? paramName);
        Epsilon = single ? SingleEpsilon : DoubleEpsilon;
    }

    /// <summary>float64's machine epsilon 2⁻⁵² (numpy's <c>finfo(float64).eps</c>).</summary>
    internal static readonly double DoubleEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>float32's machine epsilon 2⁻²³ (numpy's <c>finfo(float32).eps</c>).</summary>
    internal static readonly double SingleEpsilon = MathF.BitIncrement(1.0f) - 1.0f;

    /// <summary>
    /// The machine epsilon of the type the scores came in, as numpy's <c>finfo(dtype).eps</c>: 2⁻⁵² for double, 2⁻²³
    /// for float (<see cref="FromRowMajor(ReadOnlySpan{float}, int)"/>, ML.NET's <c>Single</c> scores). scikit-learn's
    /// log loss clips probabilities at it, and its sum-to-1 check tolerates √ε.
    /// </summary>
    public double Epsilon { get; }

    /// <summary>The number of rows (examples), n.</summary>
    public int RowCount { get; }

    /// <summary>The number of columns (classes), K.</summary>
    public int ClassCount { get; }

    /// <summary>The score of class <paramref name="column"/> for example <paramref name="row"/>.</summary>
    /// <param name="row">0 to n − 1.</param>
    /// <param name="column">0 to K − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its range.</exception>
    public double this[int row, int column]
    {
        get
        {
            CheckRow(row);
            Preconditions.CheckArgumentRange(column, 0, ClassCount - 1, nameof(column), "Pass the index of a class in the class order.");
            return _values[(row * ClassCount) + column];
        }
    }

    /// <summary>Copies row-major values: <c>values[row * classCount + column]</c>.</summary>
    /// <param name="values">n · K scores, row after row.</param>
    /// <param name="classCount">K, the number of columns; at least 2.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">No value, a length that is not a multiple of <paramref name="classCount"/>, or a non-finite score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    public static ScoreMatrix FromRowMajor(ReadOnlySpan<double> values, int classCount)
    {
        CheckShape(values.Length, classCount);
        return new ScoreMatrix(values.ToArray(), values.Length / classCount, classCount, nameof(values));
    }

    /// <summary>Copies row-major single-precision values (ML.NET's <c>Single</c> scores); <see cref="Epsilon"/> is float32's.</summary>
    /// <param name="values">n · K scores, row after row.</param>
    /// <param name="classCount">K, the number of columns; at least 2.</param>
    /// <returns>The matrix; each value converted exactly to double.</returns>
    /// <exception cref="ArgumentException">No value, a length that is not a multiple of <paramref name="classCount"/>, or a non-finite score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 2.</exception>
    public static ScoreMatrix FromRowMajor(ReadOnlySpan<float> values, int classCount)
    {
        CheckShape(values.Length, classCount);
        var copy = new double[values.Length];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return new ScoreMatrix(copy, values.Length / classCount, classCount, nameof(values), single: true);
    }

    /// <summary>Copies rows given one by one (a jagged array such as <c>double[][]</c> converts to this type).</summary>
    /// <param name="rows">One list of K scores per example, every row of the same length.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    /// <exception cref="ArgumentException">No row, rows of different lengths, fewer than 2 columns, or a non-finite score.</exception>
    public static ScoreMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Preconditions.CheckNotEmpty(rows.Count, nameof(rows), "Pass the scores of one or more examples.");
        ArgumentNullException.ThrowIfNull(rows[0], "rows[0]");
        int columns = rows[0].Count;
        var values = new double[rows.Count * columns];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw new ArgumentNullException(nameof(rows), string.Create(CultureInfo.InvariantCulture, $"rows[{r}] is null; every row must hold one score per class. Pass the row's scores."));
            Preconditions.CheckArgument(
                row.Count == columns,
                nameof(rows),
                string.Create(CultureInfo.InvariantCulture, $"rows[{r}] has {row.Count} scores but rows[0] has {columns}; every row must hold one score per class. Pass rows of equal length."));
            for (int c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = row[c];
            }
        }

        return new ScoreMatrix(values, rows.Count, columns, nameof(rows));
    }

    /// <summary>The K scores of one example.</summary>
    /// <param name="row">0 to n − 1.</param>
    /// <returns>A read-only view of the row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside 0 to n − 1.</exception>
    public ReadOnlySpan<double> Row(int row)
    {
        CheckRow(row);
        return _values.AsSpan(row * ClassCount, ClassCount);
    }

    /// <summary>A copy of one class's scores over all rows: the scores of a one-vs-rest problem.</summary>
    /// <param name="column">0 to K − 1.</param>
    /// <returns>A new array of n scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is outside 0 to K − 1.</exception>
    public double[] Column(int column)
    {
        Preconditions.CheckArgumentRange(column, 0, ClassCount - 1, nameof(column), "Pass the index of a class in the class order.");
        var copy = new double[RowCount];
        for (int r = 0, i = column; r < RowCount; r++, i += ClassCount)
        {
            copy[r] = _values[i];
        }

        return copy;
    }

    /// <summary>Wraps row-major values the caller hands over (no copy), checked like every other matrix; messages call it <paramref name="name"/>.</summary>
    internal static ScoreMatrix Own(double[] values, int classCount, string paramName, string name, bool single)
    {
        Preconditions.CheckAtLeast(classCount, 2, paramName, "Pass one column per class; a multiclass problem has at least 2 classes.", $"the number of columns of {name}");
        return new ScoreMatrix(values, values.Length / classCount, classCount, paramName, name, single);
    }

    /// <summary>The row-major values, not copied (internal readers only).</summary>
    internal ReadOnlySpan<double> Values => _values;

    private static (double[] Values, int Rows, int Columns) Checked(double[] values, int rows, int columns, string paramName, string? name = null)
    {
        name ??= paramName;
        Preconditions.CheckNotEmpty(rows, paramName, "Pass the scores of one or more examples.", name);
        Preconditions.CheckAtLeast(columns, 2, paramName, "Pass one column per class; a multiclass problem has at least 2 classes.", "the number of columns");
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i / columns}, {i % columns}] (row {i / columns}, column {i % columns}) is {Preconditions.Describe(values[i])}; every score must be a finite number. Remove or impute non-finite scores before evaluating."),
                    paramName);
            }
        }

        return (values, rows, columns);
    }

    private static void CheckShape(int length, int classCount)
    {
        Preconditions.CheckAtLeast(classCount, 2, nameof(classCount), "Pass one column per class; a multiclass problem has at least 2 classes.");
        Preconditions.CheckArgument(
            length % classCount == 0,
            "values",
            string.Create(CultureInfo.InvariantCulture, $"values has {length} elements; it must be a multiple of classCount = {classCount} (one score per class in every row). Pass whole rows."));
    }

    private void CheckRow(int row) =>
        Preconditions.CheckArgumentRange(row, 0, RowCount - 1, nameof(row), "Pass the index of an existing row.");
}
