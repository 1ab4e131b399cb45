using System.Buffers;
using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> of
/// resamples of fixed data, each given as row indices (e.g. a bootstrap resample in a <see cref="RowMetric"/>): the scores
/// are ranked once, and a resample's report is computed from how often it drew each row, without gathering or sorting it.
/// </summary>
/// <remarks>
/// <para>Every field of the report (counts, ratios, ROC AUC, average precision, log loss, Brier score, the undefined list)
/// is bit for bit that of <c>Evaluate</c> of the materialised resample (<c>labels[rows[i]]</c>, <c>scores[rows[i]]</c>) at
/// the same settings: the confusion counts are integers; ROC AUC and AP come from the resample's count per tie group and
/// class, fed from the highest score down through the sums <c>Evaluate</c> uses; log loss and Brier score add the drawn
/// rows' terms in the order of the rows, as <c>Evaluate</c> adds the materialised rows.</para>
/// <para>Cost: O(n log n) once; per resample O(rows + distinct scores) and no allocation but the report. Safe to call
/// from several threads at once (the counters are rented per call).</para>
/// </remarks>
public sealed class BinaryResampleEvaluator
{
    private readonly bool[] _labels;
    private readonly double[] _scores;
    private readonly bool[] _predicted;
    private readonly double[] _logLossTerms;
    private readonly double[] _brierTerms;
    private readonly RankedRows.Unweighted _ranked;
    private readonly double _threshold;
    private readonly double _beta;
    private readonly ZeroDivision _zeroDivision;

    /// <summary>Ranks the data once; the settings are those of <c>Evaluate</c>.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label: probabilities or decision-function values.</param>
    /// <param name="threshold">Decision threshold (default 0.5): a row is predicted positive when score ≥ threshold.</param>
    /// <param name="beta">The β of <see cref="BinaryReport.FBeta"/> (default 1); finite and &gt; 0.</param>
    /// <param name="zeroDivision">The value of ratios whose denominator is 0 (default <see cref="ZeroDivision.Zero"/>).</param>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN, <paramref name="beta"/> is not a
    /// finite number &gt; 0, or <paramref name="zeroDivision"/> is not a defined member.</exception>
    public BinaryResampleEvaluator(
        ReadOnlySpan<bool> labels,
        ReadOnlySpan<double> scores,
        double threshold = 0.5,
        double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Zero)
    {
        Preconditions.CheckBinaryInput(labels, scores);
        BinaryEvaluation.CheckSettings(threshold, beta, zeroDivision);
        _labels = labels.ToArray();
        _scores = scores.ToArray();
        _threshold = threshold;
        _beta = beta;
        _zeroDivision = zeroDivision;
        _ranked = new RankedRows.Unweighted(labels, scores);
        _predicted = new bool[scores.Length];
        _logLossTerms = new double[scores.Length];
        _brierTerms = new double[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            _predicted[i] = scores[i] >= threshold;
            _logLossTerms[i] = BinaryEvaluation.LogLossTerm(scores[i], labels[i]);
            _brierTerms[i] = BinaryEvaluation.BrierTerm(scores[i], labels[i]);
        }
    }

    /// <summary>The number of rows of the data; row indices are 0 to <c>Rows − 1</c>.</summary>
    public int Rows => _labels.Length;

    /// <summary>The report of the rows <paramref name="rows"/> (indices, possibly repeated, in the order they were drawn).</summary>
    /// <param name="rows">Indices into the data, each in [0, <see cref="Rows"/>); at least one.</param>
    /// <returns>Bit for bit the report <c>Evaluate</c> gives for the labels and scores of those rows in that order.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [0, <see cref="Rows"/>).</exception>
    public BinaryReport Evaluate(ReadOnlySpan<int> rows)
    {
        Preconditions.CheckNotEmpty(rows.Length, nameof(rows), "Pass the indices of one or more rows.");
        int[] rented = ArrayPool<int>.Shared.Rent(_ranked.CodeCount);
        try
        {
            Span<int> counts = rented.AsSpan(0, _ranked.CodeCount);
            counts.Clear();
            int[] codes = _ranked.Codes;
            var counter = default(RowCounter);
            double logLossSum = 0.0;
            double brierSum = 0.0;
            int first = -1;
            for (int i = 0; i < rows.Length; i++)
            {
                int row = rows[i];
                if ((uint)row >= (uint)_labels.Length)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(rows),
                        row,
                        string.Create(CultureInfo.InvariantCulture, $"rows[{i}] is {row}; a row index must be between 0 and {_labels.Length - 1}. Pass indices into the data this evaluator was made with."));
                }

                counts[codes[row]]++;
                counter.Add(_labels[row], _predicted[row]);
                if (first >= 0)
                {
                    continue;
                }

                // As the per-row pass of Evaluate: the loss sums stop at the first score that is not a probability.
                double s = _scores[row];
                if (s is < 0.0 or > 1.0)
                {
                    first = i;
                    continue;
                }

                logLossSum += _logLossTerms[row];
                brierSum += _brierTerms[row];
            }

            var tally = default(ConfusionTally);
            tally.Add(counter, rows.Length);
            RankingSums ranking = _ranked.Sums(counts);
            double total = tally.Total;
            return BinaryEvaluation.Report(
                tally.ToCounts(),
                _threshold,
                _beta,
                _zeroDivision,
                ranking,
                exact: true,
                first < 0 ? logLossSum / total : null,
                first < 0 ? brierSum / total : null,
                first < 0 ? null : BinaryEvaluation.NonProbabilityReason(first, _scores[rows[first]]));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }
}
