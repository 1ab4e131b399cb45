using System.Collections.Immutable;

namespace ClassicalML.Data.Splits;

/// <summary>
/// The result of a train/test or train/validation/test split: the set of every row, and the
/// rows of each set as sorted, zero-based indices.
/// </summary>
public sealed class HoldoutSplit
{
    internal HoldoutSplit(SplitSet[] setOfRow, IReadOnlyList<string> warnings)
    {
        SetOfRow = ImmutableArray.Create(setOfRow);
        Warnings = [.. warnings];
        var train = ImmutableArray.CreateBuilder<int>();
        var valid = ImmutableArray.CreateBuilder<int>();
        var test = ImmutableArray.CreateBuilder<int>();
        for (var row = 0; row < setOfRow.Length; row++)
        {
            (setOfRow[row] switch
            {
                SplitSet.Train => train,
                SplitSet.Validation => valid,
                _ => test,
            }).Add(row);
        }

        TrainIndices = train.ToImmutable();
        ValidationIndices = valid.ToImmutable();
        TestIndices = test.ToImmutable();
    }

    /// <summary>The number of rows that were split.</summary>
    public int RowCount => SetOfRow.Length;

    /// <summary>For each row (in input order), the set it belongs to.</summary>
    public ImmutableArray<SplitSet> SetOfRow { get; }

    /// <summary>Training rows in ascending order.</summary>
    public ImmutableArray<int> TrainIndices { get; }

    /// <summary>Validation rows in ascending order (empty when no validation fraction was asked for).</summary>
    public ImmutableArray<int> ValidationIndices { get; }

    /// <summary>Test rows in ascending order.</summary>
    public ImmutableArray<int> TestIndices { get; }

    /// <summary>The held-out rows (validation and test) in ascending order; resampling must never touch them.</summary>
    public ImmutableArray<int> HeldOutIndices => [.. ValidationIndices.Concat(TestIndices).Order()];

    /// <summary>Problems that do not stop the split but weaken it (for example a class too small to appear in every set).</summary>
    public ImmutableArray<string> Warnings { get; }
}
