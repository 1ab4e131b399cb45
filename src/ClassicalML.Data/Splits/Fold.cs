using System.Collections.Immutable;

namespace ClassicalML.Data.Splits;

/// <summary>
/// One cross-validation fold: the rows to train on and the rows to test on, as sorted,
/// zero-based row indices into the caller's data.
/// </summary>
/// <param name="Index">Zero-based fold number, 0..k-1.</param>
/// <param name="TrainIndices">Training rows in ascending order: the complement of <paramref name="TestIndices"/>.</param>
/// <param name="TestIndices">Test rows of this fold in ascending order.</param>
public sealed record Fold(int Index, ImmutableArray<int> TrainIndices, ImmutableArray<int> TestIndices);
