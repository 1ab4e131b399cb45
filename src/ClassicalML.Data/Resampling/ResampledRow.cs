using System.Collections.Immutable;

namespace ClassicalML.Data.Resampling;

/// <summary>One row of a resampled training set and where it came from.</summary>
/// <remarks>
/// A copied row (original, duplicated or kept) has <see cref="NeighbourIndex"/> null and
/// <see cref="Gap"/> 0. A synthetic SMOTE row has
/// Features = x[SourceIndex] + Gap · (x[NeighbourIndex] − x[SourceIndex]), Gap ∈ [0, 1). A smoothed-bootstrap row
/// (<see cref="RandomOverSampler.Shrinkage"/> set) is a copy of x[SourceIndex] plus Gaussian noise, with
/// <see cref="IsPerturbed"/> true.
/// </remarks>
/// <typeparam name="TLabel">Type of the class label.</typeparam>
/// <param name="Label">The row's class label.</param>
/// <param name="SourceIndex">Index (into the caller's data) of the row copied, or of the first parent of a synthetic row.</param>
/// <param name="NeighbourIndex">Index of the second parent of a synthetic row (one of the first parent's k nearest same-class neighbours); null for copied rows.</param>
/// <param name="Gap">Interpolation position between the parents; 0 for copied rows.</param>
/// <param name="Features">The row's feature values.</param>
public sealed record ResampledRow<TLabel>(TLabel Label, int SourceIndex, int? NeighbourIndex, double Gap, ImmutableArray<double> Features)
{
    /// <summary>Whether the row is a copy of x[SourceIndex] plus Gaussian noise (a smoothed bootstrap) rather than an exact copy.</summary>
    public bool IsPerturbed { get; init; }

    /// <summary>Whether the row was synthesised (SMOTE, or a noise-perturbed copy) rather than copied unchanged.</summary>
    public bool IsSynthetic => NeighbourIndex is not null || IsPerturbed;
}
