namespace ClassicalML.Evaluation;

/// <summary>
/// The bootstrap of a metric that is the mean of per-row terms (log loss, Brier score) without materialising a resample:
/// each row's term is computed once, and a resample's value is the sum of its drawn rows' terms in draw order over the
/// number of rows, resamples in parallel.
/// </summary>
/// <remarks>
/// The materialised resample lists its rows in draw order (<see cref="Draw"/>), and <see cref="BinaryEvaluation.LogLoss"/>
/// sums its rows' terms first to last and divides by the count once; this path adds the same terms (the same bits: a
/// term depends on its row's score and label only) in the same order and divides by the same count, so each resample's
/// value is bit for bit the metric of the materialised resample, in O(n) per resample and no allocation.
/// </remarks>
public static partial class Bootstrap
{
    private static readonly BinaryMetric LogLossMetric = BinaryEvaluation.LogLoss;
    private static readonly BinaryMetric BrierMetric = BinaryEvaluation.BrierScore;

    /// <summary>
    /// True when <paramref name="metric"/> is <see cref="BinaryEvaluation.LogLoss"/> or <see cref="BinaryEvaluation.BrierScore"/>
    /// passed as a method group (a lambda around either is not recognised and takes the general path, the same bits).
    /// </summary>
    internal static bool IsMeanMetric(BinaryMetric metric, out bool brier)
    {
        brier = metric.Equals(BrierMetric);
        return brier || metric.Equals(LogLossMetric);
    }

    /// <summary>Each row's log-loss or Brier term (scores must be probabilities: the caller checked the metric on the full data).</summary>
    internal static double[] MeanTerms(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, bool brier)
    {
        var terms = new double[scores.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = brier ? BinaryEvaluation.BrierTerm(scores[i], labels[i]) : BinaryEvaluation.LogLossTerm(scores[i], labels[i]);
        }

        return terms;
    }

    /// <summary>
    /// The mean of the drawn terms (or, with <paramref name="termsB"/>, mean(A) − mean(B)) on each resample, by resample
    /// index. The resamples are those of the row-index methods (same seed, same rows); the values are bit-identical to the
    /// metric of the materialised resample, whatever <paramref name="maxThreads"/> is.
    /// </summary>
    internal static double[] MeanResamples(
        ReadOnlySpan<bool> labels,
        double[] termsA,
        double[]? termsB,
        bool stratified,
        int seed,
        int resamples,
        int maxThreads)
    {
        List<int[]> strata = DrawStrata(labels, stratified);
        double[][] stratumA = [.. strata.Select(rows => rows.Select(r => termsA[r]).ToArray())];
        double[][]? stratumB = termsB is null ? null : [.. strata.Select(rows => rows.Select(r => termsB[r]).ToArray())];
        double n = labels.Length;
        return EachResample(
            resamples,
            (long)labels.Length * resamples,
            maxThreads,
            () => 0,
            (_, r) => MeanValue(stratumA, stratumB, n, seed, r));
    }

    /// <summary>Draws resample <paramref name="resample"/> as <see cref="Draw"/> does and sums its terms in draw order.</summary>
    private static double MeanValue(double[][] stratumA, double[][]? stratumB, double n, int seed, int resample)
    {
        var random = ResampleRandom.ForResample(seed, resample);
        double sumA = 0.0;
        double sumB = 0.0;
        for (int s = 0; s < stratumA.Length; s++)
        {
            double[] a = stratumA[s];
            int size = a.Length;
            if (stratumB is null)
            {
                for (int i = 0; i < size; i++)
                {
                    sumA += a[random.Next(size)];
                }

                continue;
            }

            double[] b = stratumB[s];
            for (int i = 0; i < size; i++)
            {
                int row = random.Next(size);
                sumA += a[row];
                sumB += b[row];
            }
        }

        return stratumB is null ? sumA / n : (sumA / n) - (sumB / n);
    }
}
