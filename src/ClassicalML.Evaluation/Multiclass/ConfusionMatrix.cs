using System.Collections.ObjectModel;
using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// An immutable K x K confusion matrix: entry (i, j) counts the rows whose actual label is
/// <c>Labels[i]</c> and whose predicted label is <c>Labels[j]</c> (rows = actual, columns = predicted,
/// as in scikit-learn's <c>confusion_matrix</c> and ML.NET).
/// </summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class ConfusionMatrix<TLabel>
    where TLabel : notnull
{
    private readonly long[,] _counts;
    private readonly Dictionary<TLabel, int> _index;
    private readonly double[,]? _weights;

    internal ConfusionMatrix(ReadOnlyCollection<TLabel> labels, Dictionary<TLabel, int> index, long[,] counts, double[,]? weights = null)
    {
        Labels = labels;
        _index = index;
        _counts = counts;
        _weights = weights;
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        Total = total;
        double totalWeight = 0;
        for (var i = 0; i < ClassCount; i++)
        {
            totalWeight += ActualWeight(i);
        }

        TotalWeight = totalWeight;
    }

    /// <summary>True when the matrix also holds sums of row weights (<see cref="Weight(int, int)"/>).</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>The sum of all weighted cells (the total weight); <see cref="Total"/> when not weighted.</summary>
    public double TotalWeight { get; }

    /// <summary>The labels, in the order of the matrix's rows and columns.</summary>
    public IReadOnlyList<TLabel> Labels { get; }

    /// <summary>The number of classes K (rows and columns).</summary>
    public int ClassCount => Labels.Count;

    /// <summary>The sum of all entries: the number of rows evaluated.</summary>
    public long Total { get; }

    /// <summary>The number of rows with actual label <c>Labels[actual]</c> predicted as <c>Labels[predicted]</c>.</summary>
    /// <param name="actual">Row index, 0 to K - 1.</param>
    /// <param name="predicted">Column index, 0 to K - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0 to K - 1.</exception>
    public long this[int actual, int predicted]
    {
        get
        {
            CheckIndex(actual, nameof(actual));
            CheckIndex(predicted, nameof(predicted));
            return _counts[actual, predicted];
        }
    }

    /// <summary>The number of rows with the given actual label predicted as the given label.</summary>
    /// <param name="actual">An actual label; must be one of <see cref="Labels"/>.</param>
    /// <param name="predicted">A predicted label; must be one of <see cref="Labels"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">A label is not one of <see cref="Labels"/>.</exception>
    public long Count(TLabel actual, TLabel predicted)
        => _counts[IndexOf(actual, nameof(actual)), IndexOf(predicted, nameof(predicted))];

    /// <summary>The sum of row <paramref name="actual"/>: the support of <c>Labels[actual]</c>.</summary>
    /// <param name="actual">Row index, 0 to K - 1.</param>
    /// <returns>The number of rows whose actual label is <c>Labels[actual]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 to K - 1.</exception>
    public long ActualTotal(int actual)
    {
        CheckIndex(actual, nameof(actual));
        long sum = 0;
        for (var j = 0; j < ClassCount; j++)
        {
            sum += _counts[actual, j];
        }

        return sum;
    }

    /// <summary>The sum of column <paramref name="predicted"/>: how often <c>Labels[predicted]</c> was predicted.</summary>
    /// <param name="predicted">Column index, 0 to K - 1.</param>
    /// <returns>The number of rows predicted as <c>Labels[predicted]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 to K - 1.</exception>
    public long PredictedTotal(int predicted)
    {
        CheckIndex(predicted, nameof(predicted));
        long sum = 0;
        for (var i = 0; i < ClassCount; i++)
        {
            sum += _counts[i, predicted];
        }

        return sum;
    }

    /// <summary>
    /// The sum of the weights of the rows with actual label <c>Labels[actual]</c> predicted as <c>Labels[predicted]</c>
    /// (scikit-learn's <c>confusion_matrix(..., sample_weight=w)</c>); the count itself when not weighted.
    /// </summary>
    /// <param name="actual">Row index, 0 to K - 1.</param>
    /// <param name="predicted">Column index, 0 to K - 1.</param>
    /// <returns>The weighted cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0 to K - 1.</exception>
    public double Weight(int actual, int predicted)
    {
        CheckIndex(actual, nameof(actual));
        CheckIndex(predicted, nameof(predicted));
        return _weights is null ? _counts[actual, predicted] : _weights[actual, predicted];
    }

    /// <summary>The sum of weighted row <paramref name="actual"/>: the weighted support of <c>Labels[actual]</c>.</summary>
    /// <param name="actual">Row index, 0 to K - 1.</param>
    /// <returns>The total weight of the rows whose actual label is <c>Labels[actual]</c>; <see cref="ActualTotal"/> when not weighted.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 to K - 1.</exception>
    public double ActualWeight(int actual)
    {
        double sum = 0;
        for (var j = 0; j < ClassCount; j++)
        {
            sum += Weight(actual, j);
        }

        return sum;
    }

    /// <summary>The sum of weighted column <paramref name="predicted"/>: the total weight of the rows predicted as <c>Labels[predicted]</c>.</summary>
    /// <param name="predicted">Column index, 0 to K - 1.</param>
    /// <returns>The weighted column sum; <see cref="PredictedTotal"/> when not weighted.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 to K - 1.</exception>
    public double PredictedWeight(int predicted)
    {
        double sum = 0;
        for (var i = 0; i < ClassCount; i++)
        {
            sum += Weight(i, predicted);
        }

        return sum;
    }

    /// <summary>A copy of the counts as a jagged array, <c>[actual][predicted]</c>.</summary>
    /// <returns>A new K x K array; changing it does not change this matrix.</returns>
    public long[][] ToArray()
    {
        var copy = new long[ClassCount][];
        for (var i = 0; i < ClassCount; i++)
        {
            copy[i] = new long[ClassCount];
            for (var j = 0; j < ClassCount; j++)
            {
                copy[i][j] = _counts[i, j];
            }
        }

        return copy;
    }

    private void CheckIndex(int index, string paramName) =>
        Preconditions.CheckArgumentRange(index, 0, ClassCount - 1, paramName, "Use Labels to find a label's index.");

    private int IndexOf(TLabel label, string paramName)
    {
        if (!_index.TryGetValue(label, out var i))
        {
            throw new ArgumentException(
                $"{paramName} is '{Preconditions.Format(label)}', which is not one of the matrix's labels; use one of Labels.",
                paramName);
        }

        return i;
    }
}
