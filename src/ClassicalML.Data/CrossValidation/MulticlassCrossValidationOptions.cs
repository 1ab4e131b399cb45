using ClassicalML.Evaluation;

namespace ClassicalML.Data.Training;

/// <summary>Options of <see cref="MulticlassCrossValidation"/>; every property has a documented default.</summary>
public sealed record MulticlassCrossValidationOptions
{
    /// <summary>The label column of the data and of the scored test rows (default <c>Label</c>): text, a key, a number or Boolean.</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>The score vector of the scored test rows (default <c>Score</c>), one slot per class, with slot names.</summary>
    public string ScoreColumnName { get; init; } = "Score";

    /// <summary>Zero-division policy and top-k list of every report; <see langword="null"/> (default) for <see cref="MulticlassScoreOptions"/>' defaults.</summary>
    public MulticlassScoreOptions? Evaluation { get; init; }
}
