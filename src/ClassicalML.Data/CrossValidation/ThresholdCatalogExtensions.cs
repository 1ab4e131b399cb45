using System.Globalization;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace ClassicalML.Data.Training;

/// <summary>
/// Applies a chosen operating point (<see cref="ThresholdChoice"/>) to scored data as an ML.NET transform, so the
/// threshold ships with the model: append it to the fitted pipeline and save them together.
/// </summary>
public static class ThresholdCatalogExtensions
{
    /// <summary>
    /// An estimator writing <paramref name="outputColumnName"/> = (score ≥ threshold), a Boolean, from a Single score
    /// column: ML.NET's own expression transform (<c>Transforms.Expression</c>), so it saves and loads with the model
    /// (<c>mlContext.Model.Save</c>) and replaces the trainer's own <c>PredictedLabel</c> (0.5 or 0) with the chosen one.
    /// </summary>
    /// <param name="catalog">The transforms catalog, <c>mlContext.Transforms</c>.</param>
    /// <param name="threshold">The threshold; a row is positive when its score is at least this value.</param>
    /// <param name="scoreColumnName">The Single column the threshold was chosen on (default <c>Probability</c>; use
    /// <c>Score</c> for a raw threshold, e.g. <see cref="ScaleThreshold.Threshold"/>).</param>
    /// <param name="outputColumnName">The Boolean decision column (default <c>PredictedLabel</c>).</param>
    /// <returns>The estimator (it learns nothing; <c>Fit</c> only checks the schema).</returns>
    /// <remarks>The comparison runs in Single: the threshold is rounded up to the nearest Single, which, for every
    /// Single score s, makes s ≥ rounded exactly s ≥ threshold (a threshold chosen on ML.NET's Single scores is one
    /// already). A NaN score is not positive.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static ExpressionEstimator ApplyThreshold(
        this TransformsCatalog catalog, double threshold, string scoreColumnName = "Probability", string outputColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Preconditions.CheckNotNaN(threshold, nameof(threshold), "Pass a chosen threshold, e.g. choice.Threshold.");
        float single = (float)threshold;
        if (single < threshold)
        {
            single = MathF.BitIncrement(single); // the smallest Single at least the threshold
        }

        string literal = float.IsPositiveInfinity(single) ? "1e39" : float.IsNegativeInfinity(single) ? "-1e39" : single.ToString("R", CultureInfo.InvariantCulture);
        if (!literal.Contains('.', StringComparison.Ordinal) && !literal.Contains('E', StringComparison.OrdinalIgnoreCase))
        {
            literal += ".0";
        }

        return catalog.Expression(outputColumnName, $"x => x >= {literal}", scoreColumnName);
    }

    /// <summary>As <see cref="ApplyThreshold(TransformsCatalog, double, string, string)"/> with <see cref="ThresholdChoice.Threshold"/>.</summary>
    /// <param name="catalog">The transforms catalog, <c>mlContext.Transforms</c>.</param>
    /// <param name="choice">The operating point, e.g. from <see cref="ThresholdSelection.MaximizeF1(ReadOnlySpan{bool}, ReadOnlySpan{double})"/> on validation scores.</param>
    /// <param name="scoreColumnName">The Single column the point was chosen on (default <c>Probability</c>).</param>
    /// <param name="outputColumnName">The Boolean decision column (default <c>PredictedLabel</c>).</param>
    /// <returns>The estimator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> or <paramref name="choice"/> is null.</exception>
    public static ExpressionEstimator ApplyThreshold(
        this TransformsCatalog catalog, ThresholdChoice choice, string scoreColumnName = "Probability", string outputColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(choice);
        return catalog.ApplyThreshold(choice.Threshold, scoreColumnName, outputColumnName);
    }
}
