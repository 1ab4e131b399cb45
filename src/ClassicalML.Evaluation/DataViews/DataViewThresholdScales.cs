using Microsoft.ML;

namespace ClassicalML.Evaluation;

/// <summary>An operating point on both scales of an ML.NET calibrated binary model (<c>Score</c> and <c>Probability</c>).</summary>
public static partial class DataViewEvaluation
{
    /// <summary>
    /// The threshold on <paramref name="otherColumnName"/> that makes the same decisions as <paramref name="threshold"/>
    /// on <paramref name="thresholdColumnName"/>: an ML.NET calibrated model writes the raw margin (<c>Score</c>) and
    /// the calibrated <c>Probability</c>, so a threshold chosen on one is reported on the other
    /// (<see cref="ThresholdSelection.OnOtherScale"/>, whose remarks say when the equivalence is exact).
    /// </summary>
    /// <param name="predictions">Scored data, e.g. <c>model.Transform(validation)</c>.</param>
    /// <param name="threshold">The threshold on <paramref name="thresholdColumnName"/>, e.g. a <see cref="ThresholdChoice.Threshold"/>.</param>
    /// <param name="thresholdColumnName">The column the threshold was chosen on (Single or Double; default <c>Probability</c>).</param>
    /// <param name="otherColumnName">The other scale's column (Single or Double; default <c>Score</c>).</param>
    /// <returns>The other scale's threshold, its range, and the rows it decides differently.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predictions"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or not numeric, there are no rows, or a score is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static ScaleThreshold ThresholdOnOtherScale(
        this IDataView predictions, double threshold, string thresholdColumnName = "Probability", string otherColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var chosen = RequireColumn(predictions.Schema, thresholdColumnName, nameof(thresholdColumnName));
        var other = RequireColumn(predictions.Schema, otherColumnName, nameof(otherColumnName));
        var readChosen = ScoreReader(chosen, nameof(thresholdColumnName));
        var readOther = ScoreReader(other, nameof(otherColumnName));
        var scores = new List<double>();
        var others = new List<double>();
        using (var cursor = predictions.GetRowCursor([chosen, other]))
        {
            var getChosen = readChosen(cursor);
            var getOther = readOther(cursor);
            while (cursor.MoveNext())
            {
                scores.Add(getChosen());
                others.Add(getOther());
            }
        }

        return ThresholdSelection.OnOtherScale(scores.ToArray(), others.ToArray(), threshold);
    }
}
