using System.Collections.Immutable;

namespace ClassicalML.Data.Resampling;

/// <summary>A resampled training set: its rows with provenance, and the class counts before and after.</summary>
/// <typeparam name="TLabel">Type of the class label.</typeparam>
public sealed class ResampleResult<TLabel>
    where TLabel : notnull
{
    internal ResampleResult(ImmutableArray<ResampledRow<TLabel>> rows, IReadOnlyList<KeyValuePair<TLabel, int>> countsBefore)
    {
        Rows = rows;
        CountsBefore = countsBefore.ToImmutableDictionary();
        var after = countsBefore.ToDictionary(kv => kv.Key, _ => 0);
        foreach (var row in rows)
        {
            after[row.Label]++;
        }

        CountsAfter = after.ToImmutableDictionary();
        Classes = [.. countsBefore.Select(kv => kv.Key)];
    }

    /// <summary>The rows of the resampled training set: copied rows first (in training order for over-sampling, ascending for under-sampling), then synthetic or duplicated rows.</summary>
    public ImmutableArray<ResampledRow<TLabel>> Rows { get; }

    /// <summary>The classes, in order of first occurrence among the training rows.</summary>
    public ImmutableArray<TLabel> Classes { get; }

    /// <summary>Rows per class among the training rows before resampling.</summary>
    public ImmutableDictionary<TLabel, int> CountsBefore { get; }

    /// <summary>Rows per class after resampling.</summary>
    public ImmutableDictionary<TLabel, int> CountsAfter { get; }

    /// <summary>The labels of <see cref="Rows"/>, as an array to train on.</summary>
    /// <returns>A new array.</returns>
    public TLabel[] Labels() => [.. Rows.Select(r => r.Label)];

    /// <summary>The features of <see cref="Rows"/>, one new array per row, to train on.</summary>
    /// <returns>A new jagged array.</returns>
    public double[][] Features() => [.. Rows.Select(r => r.Features.ToArray())];
}
