namespace ClassicalML.Models;

/// <summary>Options of an <see cref="AdaBoostEstimator"/>. Validated when the estimator is created.</summary>
public sealed record AdaBoostOptions
{
    /// <summary>The most boosting rounds M (members), at least 1; fewer are kept when boosting stops early. Default 50,
    /// as scikit-learn's <c>n_estimators</c>.</summary>
    public int NumberOfMembers { get; init; } = 50;

    /// <summary>The learning rate ν &gt; 0 that multiplies every member's weight α_m (and so the reweighting). Default 1,
    /// as scikit-learn's <c>learning_rate</c>.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>The seed of the <see cref="MathNet.Numerics.Random.MersenneTwister"/> that draws one trainer seed per
    /// member (passed to the weak-learner factory). Boosting itself is deterministic.</summary>
    public int Seed { get; init; }

    /// <summary>The Boolean label column. Default <c>Label</c>.</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>The name of the Single column of row weights appended to the training view for each round (hiding an
    /// input column of the same name); the weak-learner factory receives it. Default <c>AdaBoostWeight</c>.</summary>
    public string ExampleWeightColumnName { get; init; } = "AdaBoostWeight";
}
