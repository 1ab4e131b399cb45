namespace ClassicalML.Models;

/// <summary>How a <see cref="BaggingModel"/> combines its members' outputs into one score per row.</summary>
public enum BaggingAggregation
{
    /// <summary>
    /// The mean of the members' <c>Probability</c> columns; the model writes it as both <c>Score</c> and
    /// <c>Probability</c>, and predicts positive when it is at least 0.5. The usual choice when the members are
    /// calibrated (FastTree, LightGBM, logistic regression). Members without a probability column are refused.
    /// </summary>
    Probability,

    /// <summary>
    /// The mean of the members' raw <c>Score</c> columns; the model writes <c>Score</c> only (no probability) and
    /// predicts positive when it is at least 0, ML.NET's convention for raw scores. For uncalibrated members
    /// (FastForest, averaged perceptron) whose scores share one scale.
    /// </summary>
    Score,

    /// <summary>
    /// The fraction of members whose <c>PredictedLabel</c> is true (majority vote); the model writes it as
    /// <c>Score</c> only and predicts positive when at least half the members do (ties are positive).
    /// </summary>
    Vote,
}
