using System.Collections.Immutable;

namespace ClassicalML.Data.Training;

/// <summary>
/// Scored rows: their indices in the original data, actual labels and scores. Equality compares every element
/// (scores with <see cref="double.Equals(double)"/>, so NaN equals NaN), so two runs can be checked for identical predictions.
/// </summary>
public sealed class FoldPredictions : IEquatable<FoldPredictions>
{
    internal FoldPredictions(ImmutableArray<int> rowIndices, ImmutableArray<bool> labels, ImmutableArray<double> scores, bool scoresAreProbabilities, ImmutableArray<double> rawScores = default)
    {
        RawScores = rawScores.IsDefault ? [] : rawScores;
        RowIndices = rowIndices;
        Labels = labels;
        Scores = scores;
        ScoresAreProbabilities = scoresAreProbabilities;
    }

    /// <summary>Zero-based row indices into the data that was cross-validated, ascending.</summary>
    public ImmutableArray<int> RowIndices { get; }

    /// <summary>The actual label of each row (true = positive class).</summary>
    public ImmutableArray<bool> Labels { get; }

    /// <summary>The score of each row: the probability when <see cref="ScoresAreProbabilities"/>, else the raw score.</summary>
    public ImmutableArray<double> Scores { get; }

    /// <summary>
    /// With <see cref="CrossValidationOptions.Calibration"/>: each row's raw score (the model's score column) that the
    /// fold's calibrator mapped to <see cref="Scores"/>, so an operating point can be read on both scales
    /// (<c>ThresholdSelection.OnOtherScale(Scores, RawScores, threshold)</c>); empty without calibration.
    /// </summary>
    public ImmutableArray<double> RawScores { get; }

    /// <summary>Whether <see cref="Scores"/> are probabilities: the model's probability column, or calibrated raw scores.</summary>
    public bool ScoresAreProbabilities { get; }

    /// <summary>The number of rows.</summary>
    public int Count => RowIndices.Length;

    /// <inheritdoc/>
    public bool Equals(FoldPredictions? other) =>
        other is not null
        && ScoresAreProbabilities == other.ScoresAreProbabilities
        && RowIndices.SequenceEqual(other.RowIndices)
        && Labels.SequenceEqual(other.Labels)
        && Scores.SequenceEqual(other.Scores)
        && RawScores.SequenceEqual(other.RawScores);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FoldPredictions);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ScoresAreProbabilities);
        foreach (var s in Scores)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }
}
