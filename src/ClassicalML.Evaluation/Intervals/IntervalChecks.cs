using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>Argument checks for intervals and the bootstrap, with messages that name the argument, the rule, the value and the fix.</summary>
internal static class IntervalChecks
{
    public static void Confidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence),
                confidence,
                string.Create(CultureInfo.InvariantCulture,
                    $"confidence is {confidence}; it must be strictly between 0 and 1. Pass, for example, 0.95 for a 95% interval."));
        }
    }

    public static void Resamples(int resamples)
    {
        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(resamples),
                resamples,
                string.Create(CultureInfo.InvariantCulture,
                    $"resamples is {resamples}; it must be at least 1. Pass, for example, 1000."));
        }
    }

    public static void Rows(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n),
                n,
                string.Create(CultureInfo.InvariantCulture,
                    $"n is {n}; the bootstrap needs at least 1 row. Pass the number of rows in the data."));
        }
    }

    /// <summary>
    /// Same length (checked here: the message speaks of rows, which reads well for scoresA/scoresB too), then
    /// <see cref="Preconditions.CheckNotEmpty"/> and <see cref="Preconditions.CheckFinite"/>.
    /// </summary>
    public static void LabelsAndScores(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, string scoresName)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"labels has {labels.Length} rows but {scoresName} has {scores.Length}; both must have one entry per row. Pass scores for exactly the rows in labels."),
                scoresName);
        }

        Preconditions.CheckNotEmpty(labels.Length, nameof(labels));
        Preconditions.CheckFinite(scores, scoresName);
    }

    public static void Strata(ReadOnlySpan<int> strata, int n)
    {
        if (strata.Length != n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"strata has {strata.Length} entries but n is {n}; give one stratum per row, or an empty span for no stratification."),
                nameof(strata));
        }
    }
}
