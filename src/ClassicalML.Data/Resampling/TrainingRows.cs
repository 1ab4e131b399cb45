using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Data.Splits;

namespace ClassicalML.Data.Resampling;

/// <summary>
/// The training rows a sampler may resample: a token that can only be made from the training side
/// of a split, or from explicit indices checked against the held-out rows. Resampling held-out
/// rows would copy or interpolate test data into training and inflate every score measured on it.
/// </summary>
public sealed class TrainingRows
{
    private TrainingRows(ImmutableArray<int> indices) => Indices = indices;

    /// <summary>The training rows, as zero-based indices into the caller's labels and features.</summary>
    public ImmutableArray<int> Indices { get; }

    /// <summary>The training rows of a cross-validation fold.</summary>
    /// <param name="fold">The fold; only its <see cref="Fold.TrainIndices"/> are used.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fold"/> is null.</exception>
    public static TrainingRows Of(Fold fold)
    {
        ArgumentNullException.ThrowIfNull(fold);
        return new TrainingRows(fold.TrainIndices);
    }

    /// <summary>The training rows of a train/(validation/)test split.</summary>
    /// <param name="split">The split; only its <see cref="HoldoutSplit.TrainIndices"/> are used.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="split"/> is null.</exception>
    public static TrainingRows Of(HoldoutSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new TrainingRows(split.TrainIndices);
    }

    /// <summary>Explicit training rows, checked against the declared held-out (test and validation) rows.</summary>
    /// <param name="indices">The training rows; non-negative, without repeats.</param>
    /// <param name="heldOutIndices">Every test and validation row of the same data.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">An index is negative or repeated, or is also a held-out row.</exception>
    public static TrainingRows Checked(ReadOnlySpan<int> indices, ReadOnlySpan<int> heldOutIndices)
    {
        var heldOut = new HashSet<int>(heldOutIndices.Length);
        foreach (var i in heldOutIndices)
        {
            heldOut.Add(i);
        }

        var seen = new HashSet<int>(indices.Length);
        for (var p = 0; p < indices.Length; p++)
        {
            var row = indices[p];
            if (row < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"indices[{p}] is {row}; row indices must be non-negative. Pass the training indices of a split."),
                    nameof(indices));
            }

            if (heldOut.Contains(row))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"indices[{p}] = {row} is also a held-out (test or validation) row; resampling it would leak held-out data into training. Pass only training rows, e.g. fold.TrainIndices."),
                    nameof(indices));
            }

            if (!seen.Add(row))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"indices[{p}] = {row} appears more than once; each training row must be listed once (the sampler does the duplicating). Remove the repeats."),
                    nameof(indices));
            }
        }

        return new TrainingRows(indices.ToImmutableArray());
    }
}
