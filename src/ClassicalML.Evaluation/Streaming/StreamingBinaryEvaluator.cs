using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// Accumulates (label, score) pairs batch by batch in bounded memory and produces the same
/// <see cref="BinaryReport"/> as <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>, for predictions that
/// arrive in batches or live on several machines. Accumulators built on different partitions
/// can be serialized (<see cref="ToBytes"/>, <see cref="FromBytes"/>) and merged
/// (<see cref="Merge"/>); the report does not depend on how the rows were split into batches
/// and partitions or in which order they were added and merged.
/// </summary>
/// <remarks>
/// <para>
/// Exact parts: confusion counts at <see cref="Threshold"/> and everything derived from them
/// (accuracy, precision, recall, F-scores, MCC, ...) are integer counts. Log loss and Brier sums
/// are accumulated as 128-bit fixed-point numbers (each term rounded to a multiple of 2⁻⁸⁰, then
/// summed exactly), so they do not depend on the order of rows; they differ from a plain
/// double sum only by that sum's own rounding.
/// </para>
/// <para>
/// Ranking metrics: while at most <see cref="ExactCapacity"/> rows have been seen, every score
/// is kept (8 bytes each) and ROC AUC and average precision are exact (<see cref="BinaryReport.IsExact"/>).
/// Beyond it, scores go into a histogram over the order-preserving bits of the double: bins
/// start 2⁻²⁰ of the score wide relative to its magnitude and are merged pairwise (one bit
/// coarser) whenever more than <see cref="MaxBins"/> are occupied. Scores within one bin count as
/// tied, so |AUC − exact| ≤ Σ_b p_b·q_b / (2·P·N), reported as <see cref="BinaryReport.RocAucErrorBound"/>
/// (and likewise <see cref="BinaryReport.AveragePrecisionErrorBound"/>). The resolution used is
/// always the finest at which all rows fit in <see cref="MaxBins"/> bins, whatever the order of
/// additions and merges. Memory kept between calls: arrays of at most 8·ExactCapacity + 24·MaxBins bytes (weighted:
/// 16·ExactCapacity + 56·MaxBins) and a few kilobytes of objects, whatever the batches and merges: the kept scores of both classes share one buffer of at
/// most ExactCapacity keys, and the bin arrays never grow beyond MaxBins. Moving kept scores into the histogram sorts and
/// merges them within that memory; only a batch that overflows an exact range of fewer than 65,536 rows is binned through
/// a temporary buffer of at most 65,536 keys, and <see cref="Merge"/> and <see cref="ToReport"/> work on copies.
/// Once the buffer and the bins have grown, adding rows allocates nothing.
/// </para>
/// <para>Not thread-safe: use one accumulator per thread and merge them.</para>
/// </remarks>
public sealed class StreamingBinaryEvaluator
{
    /// <summary>Default <see cref="ExactCapacity"/>: one million rows (8 MB of scores).</summary>
    public const int DefaultExactCapacity = 1_000_000;

    /// <summary>Default <see cref="MaxBins"/>: 2²⁰ bins (24 MB).</summary>
    public const int DefaultMaxBins = 1 << 20;

    /// <summary>Smallest allowed <see cref="MaxBins"/>.</summary>
    public const int MinBins = 16;

    /// <summary>The version byte <see cref="ToBytes"/> writes for an unweighted accumulator (its bytes are as they always were).</summary>
    public const byte FormatVersion = 1;

    /// <summary>The version byte <see cref="ToBytes"/> writes for a weighted accumulator; <see cref="FromBytes"/> reads both versions.</summary>
    public const byte WeightedFormatVersion = 2;

    private const double FixedPointScale = 1208925819614629174706176.0; // 2⁸⁰

    /// <summary>The fewest rows binned at once when a batch overflows a small exact range (fewer, larger merges into the histogram).</summary>
    private const int MinChunk = 1 << 16;

    private const double LowPartScale = 8796093022208.0; // 2⁴³: loss terms are summed in two parts of at most 2⁴³
    private const double HighPartScale = 137438953472.0; // 2³⁷ = 2⁸⁰ / 2⁴³
    private const int ExactBlock = 512; // 2⁹ parts of at most 2⁴³ sum to at most 2⁵², exact in a double
    private const int LossChunk = 1 << 19; // 2¹⁹ parts of at most 2⁴³ sum to at most 2⁶², so the long sums cannot overflow

    private ConfusionTally _counts;
    private Int128 _logLossSum;
    private Int128 _brierSum;
    private double _minScore = double.PositiveInfinity;
    private double _maxScore = double.NegativeInfinity;
    private KeptKeys _kept;
    private ScoreHistogram? _histogram;
    private readonly StreamingWeights? _weights;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="threshold">Decision threshold: score ≥ threshold is predicted positive (default 0.5).</param>
    /// <param name="beta">The β of <see cref="BinaryReport.FBeta"/> (default 1); finite and &gt; 0.</param>
    /// <param name="zeroDivision">The value of ratios whose denominator is 0 (default <see cref="ZeroDivision.Zero"/>).</param>
    /// <param name="exactCapacity">Rows up to which every score is kept and AUC/AP are exact (default <see cref="DefaultExactCapacity"/>); 0 or more.</param>
    /// <param name="maxBins">Most histogram bins kept beyond <paramref name="exactCapacity"/> (default <see cref="DefaultMaxBins"/>); at least <see cref="MinBins"/>.</param>
    /// <param name="weighted">Rows carry weights (scikit-learn's <c>sample_weight</c>): add them with
    /// <see cref="Add(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>, and the report is that of
    /// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
    /// (default false). Weighted sums are 128-bit fixed point in units of 2⁻⁶⁴, summed exactly, so merges do not depend on
    /// order; every kept score also keeps its weight (16 bytes a row in exact mode).</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (see each parameter).</exception>
    public StreamingBinaryEvaluator(
        double threshold = 0.5,
        double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Zero,
        int exactCapacity = DefaultExactCapacity,
        int maxBins = DefaultMaxBins,
        bool weighted = false)
    {
        Preconditions.CheckThreshold(threshold, nameof(threshold));
        Preconditions.CheckBeta(beta, nameof(beta));
        Preconditions.CheckDefined(zeroDivision, nameof(zeroDivision));
        Preconditions.CheckArgumentRange(exactCapacity, 0, Array.MaxLength, nameof(exactCapacity), string.Create(CultureInfo.InvariantCulture, $"Pass e.g. {DefaultExactCapacity} (the rows whose scores are kept for exact AUC and AP)."));

        Preconditions.CheckArgumentRange(maxBins, MinBins, Array.MaxLength, nameof(maxBins), string.Create(CultureInfo.InvariantCulture, $"Pass e.g. {DefaultMaxBins} (more bins give a tighter AUC error bound)."));

        Threshold = threshold;
        Beta = beta;
        ZeroDivision = zeroDivision;
        ExactCapacity = exactCapacity;
        MaxBins = maxBins;
        _weights = weighted ? new StreamingWeights() : null;
        _kept = new KeptKeys(exactCapacity, weighted);
    }

    /// <summary>True when rows carry weights (the constructor's <c>weighted</c>).</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>The decision threshold: score ≥ threshold is predicted positive.</summary>
    public double Threshold { get; }

    /// <summary>The β of <see cref="BinaryReport.FBeta"/>.</summary>
    public double Beta { get; }

    /// <summary>The zero-division policy of the report.</summary>
    public ZeroDivision ZeroDivision { get; }

    /// <summary>Rows up to which ROC AUC and AP are exact.</summary>
    public int ExactCapacity { get; }

    /// <summary>Most histogram bins kept once <see cref="ExactCapacity"/> is exceeded.</summary>
    public int MaxBins { get; }

    /// <summary>Rows added so far (over all batches and merged accumulators).</summary>
    public long Count => _counts.Total;

    /// <summary>True while every score is kept, i.e. <see cref="Count"/> ≤ <see cref="ExactCapacity"/>.</summary>
    public bool IsExact => _histogram is null;

    /// <summary>Adds one batch of rows.</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label. An empty batch is allowed and changes nothing.</param>
    /// <exception cref="ArgumentException">The spans differ in length or a score is NaN or infinite (nothing is added then).</exception>
    /// <exception cref="InvalidOperationException">The accumulator is weighted: pass the rows' weights.</exception>
    public void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (_weights is not null)
        {
            throw new InvalidOperationException("This accumulator was created with weighted: true, so every row needs a weight. Call Add(labels, scores, weights), or create the accumulator with weighted: false.");
        }

        Preconditions.CheckSameLength(labels.Length, scores.Length, nameof(labels), nameof(scores));
        Preconditions.CheckScores(scores, nameof(scores));
        AddRows(labels, scores, default);
    }

    /// <summary>Adds one batch of weighted rows (the accumulator must be weighted).</summary>
    /// <param name="labels">True classes, <see langword="true"/> for positive.</param>
    /// <param name="scores">One finite score per label. An empty batch is allowed and changes nothing.</param>
    /// <param name="weights">One weight per label, finite and at least 0; a batch may weigh 0 in total, the report needs some weight.</param>
    /// <exception cref="ArgumentException">The spans differ in length or a score is NaN or infinite (nothing is added then).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (nothing is added then).</exception>
    /// <exception cref="InvalidOperationException">The accumulator is not weighted.</exception>
    public void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        if (_weights is null)
        {
            throw new InvalidOperationException("This accumulator was created with weighted: false, so it takes no weights. Call Add(labels, scores), or create the accumulator with weighted: true.");
        }

        Preconditions.CheckSameLength(labels.Length, scores.Length, nameof(labels), nameof(scores));
        Preconditions.CheckScores(scores, nameof(scores));
        Preconditions.CheckWeights(labels, weights, allowAllZero: true);
        _weights.Add(labels, scores, weights, Threshold);
        AddRows(labels, scores, weights);
    }

    /// <summary>The row counts, unweighted loss sums, score range and kept keys (and their weights) of a validated batch.</summary>
    private void AddRows(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        for (int start = 0; start < scores.Length; start += LossChunk)
        {
            int length = Math.Min(LossChunk, scores.Length - start);
            AddSums(labels.Slice(start, length), scores.Slice(start, length));
        }

        if ((long)_kept.Count + scores.Length <= ExactCapacity)
        {
            _kept.Append(labels, scores, weights);
            return;
        }

        // More rows than the exact range holds: the kept keys and the whole batch go into the histogram (as they always
        // did), the batch in chunks through the kept buffer (or, when the exact range is small, a buffer of one chunk).
        _histogram ??= ScoreHistogram.Empty(IsWeighted);
        _kept.MoveTo(_histogram, MaxBins);
        int chunk = Math.Min(scores.Length, Math.Max(ExactCapacity, MinChunk));
        KeptKeys buffer = chunk <= ExactCapacity ? _kept : new KeptKeys(chunk, IsWeighted);
        for (int start = 0; start < scores.Length; start += chunk)
        {
            int length = Math.Min(chunk, scores.Length - start);
            buffer.Append(labels.Slice(start, length), scores.Slice(start, length), weights.IsEmpty ? [] : weights.Slice(start, length));
            buffer.MoveTo(_histogram, MaxBins);
        }
    }

    /// <summary>
    /// Counts, score range and the exact fixed-point loss sums of at most <see cref="LossChunk"/> rows in one pass. Each term
    /// is rounded to a multiple of 2⁻⁸⁰ as always (the same integers, so the same sums, bit for bit), but split into a high
    /// part h = ⌊term·2³⁷⌋ and a low part round(term·2⁸⁰ − h·2⁴³), both integers of at most 2⁴³ computed exactly (a
    /// log-loss term is at most −ln(2⁻⁵²) &lt; 2⁶, the clip, a Brier term at most 1), and h·2⁴³ + low = round(term·2⁸⁰)
    /// (h·2⁴³ is even, so ties round alike). The parts of up to <see cref="ExactBlock"/> rows add exactly in doubles (below
    /// 2⁵²), the blocks in longs: much cheaper than adding a 128-bit integer a row.
    /// </summary>
    private void AddSums(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var rows = default(RowCounter);
        double threshold = Threshold;
        double min = _minScore;
        double max = _maxScore;
        long logHigh = 0, logLow = 0, brierHigh = 0, brierLow = 0;
        for (int start = 0; start < scores.Length; start += ExactBlock)
        {
            int end = Math.Min(scores.Length, start + ExactBlock);
            double blockLogHigh = 0, blockLogLow = 0, blockBrierHigh = 0, blockBrierLow = 0;
            for (int i = start; i < end; i++)
            {
                double s = scores[i];
                bool positive = labels[i];
                rows.Add(positive, s >= threshold);
                min = Math.Min(min, s);
                max = Math.Max(max, s);
                if (s is >= 0.0 and <= 1.0)
                {
                    AddParts(BinaryEvaluation.LogLossTerm(s, positive), ref blockLogHigh, ref blockLogLow);
                    AddParts(BinaryEvaluation.BrierTerm(s, positive), ref blockBrierHigh, ref blockBrierLow);
                }
            }

            (logHigh, logLow) = (logHigh + (long)blockLogHigh, logLow + (long)blockLogLow);
            (brierHigh, brierLow) = (brierHigh + (long)blockBrierHigh, brierLow + (long)blockBrierLow);
        }

        _counts.Add(rows, scores.Length);
        (_minScore, _maxScore) = (min, max);
        _logLossSum += ((Int128)logHigh << 43) + logLow;
        _brierSum += ((Int128)brierHigh << 43) + brierLow;
    }

    /// <summary>Adds a term's high part ⌊term·2³⁷⌋ and low part round(term·2⁸⁰ − high·2⁴³) (term in [0, 2⁶); each step exact).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void AddParts(double term, ref double high, ref double low)
    {
        double h = Math.Floor(term * HighPartScale);
        high += h;
        low += Math.Round((term * FixedPointScale) - (h * LowPartScale));
    }

    /// <summary>
    /// Adds everything <paramref name="other"/> has accumulated (it is not modified). Merging is
    /// associative and commutative: any tree of merges over the same partitions gives the same report.
    /// </summary>
    /// <param name="other">An accumulator with the same settings (threshold, beta, zero division, exact capacity, max bins).</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting of <paramref name="other"/> differs from this accumulator's.</exception>
    public void Merge(StreamingBinaryEvaluator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckSameSetting("threshold", Threshold, other.Threshold);
        CheckSameSetting("beta", Beta, other.Beta);
        CheckSameSetting("zeroDivision", ZeroDivision, other.ZeroDivision);
        CheckSameSetting("exactCapacity", ExactCapacity, other.ExactCapacity);
        CheckSameSetting("maxBins", MaxBins, other.MaxBins);
        CheckSameSetting("weighted", IsWeighted, other.IsWeighted);

        ScoreHistogram? otherHistogram = other._histogram?.Clone();
        KeptKeys otherKept = other._kept.Copy(); // other may be this accumulator
        _weights?.AddSums(other._weights!);

        _counts.Add(other._counts);
        _logLossSum += other._logLossSum;
        _brierSum += other._brierSum;
        _minScore = Math.Min(_minScore, other._minScore);
        _maxScore = Math.Max(_maxScore, other._maxScore);
        if (otherHistogram is not null)
        {
            _histogram ??= ScoreHistogram.Empty(IsWeighted);
            _histogram.AddHistogram(otherHistogram);
            _histogram.Limit(MaxBins);
            _histogram.Trim(MaxBins);
        }

        if ((long)_kept.Count + otherKept.Count <= ExactCapacity)
        {
            _kept.Append(otherKept);
            return;
        }

        _histogram ??= ScoreHistogram.Empty(IsWeighted);
        _kept.MoveTo(_histogram, MaxBins);
        otherKept.MoveTo(_histogram, MaxBins);
    }

    /// <summary>The report over every row added or merged so far.</summary>
    /// <returns>A <see cref="BinaryReport"/>; when <see cref="IsExact"/> is false its ROC AUC and AP come from
    /// the histogram and carry <see cref="BinaryReport.RocAucErrorBound"/> and <see cref="BinaryReport.AveragePrecisionErrorBound"/>.</returns>
    /// <exception cref="InvalidOperationException">No row has been added, or more than <see cref="int.MaxValue"/> rows
    /// (the counts of a <see cref="BinaryReport"/> are <see cref="int"/>).</exception>
    public BinaryReport ToReport()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("No rows have been added; call Add with at least one (label, score) pair (or Merge a non-empty accumulator) before ToReport.");
        }

        if (Count > int.MaxValue)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The accumulator holds {Count} rows, more than a BinaryReport can count ({int.MaxValue}). Evaluate smaller partitions, or read the counts from the accumulator."));
        }

        RankingSums ranking = Ranking();

        string? nonProbability = null;
        if (_minScore < 0.0 || _maxScore > 1.0)
        {
            double outside = _minScore < 0.0 ? _minScore : _maxScore;
            nonProbability = string.Create(
                CultureInfo.InvariantCulture,
                $"a score of {Preconditions.Describe(outside)} is outside [0, 1], so the scores are not probabilities; reported as null");
        }

        // Loss means over the rows, or, weighted, over the total weight (each sum in its own fixed-point units).
        (Int128 logLossSum, Int128 brierSum, double scale, double total) = (_logLossSum, _brierSum, FixedPointScale, Count);
        ConfusionWeights? cells = null;
        if (_weights is { } w)
        {
            if (w.Total == 0)
            {
                throw new InvalidOperationException("Every row added has weight 0; a weighted report needs some weight. Add rows with a weight above 0 before ToReport.");
            }

            (logLossSum, brierSum, scale, total, cells) = (w.LogLossSum, w.BrierSum, FixedWeights.Scale, FixedWeights.ToDouble(w.Total), w.Cells());
        }

        return BinaryEvaluation.Report(
            _counts.ToCounts(),
            Threshold,
            Beta,
            ZeroDivision,
            ranking,
            _histogram is null,
            nonProbability is null ? (double)logLossSum / scale / total : null,
            nonProbability is null ? (double)brierSum / scale / total : null,
            nonProbability,
            cells);
    }

    /// <summary>The ranking sums: exact from the kept keys, or from the histogram with them added.</summary>
    private RankingSums Ranking()
    {
        if (_histogram is null)
        {
            return _weights is null
                ? RankingSums.From(ScoreOrder.SortByClass(_kept.PositiveKeys, _kept.NegativeKeys))
                : RankingSums.From(ScoreOrder.SortByClass(_kept.PositiveKeys, _kept.PositiveWeights, _kept.NegativeKeys, _kept.NegativeWeights));
        }

        ScoreHistogram all = _histogram.Clone();
        _kept.Copy().MoveTo(all, MaxBins);
        return all.Ranking();
    }

    /// <summary>Serializes the accumulator (settings and state) for <see cref="FromBytes"/>.</summary>
    /// <returns>The bytes, in the format described in <see cref="FromBytes"/>.</returns>
    public byte[] ToBytes() => StreamingStateFormat.Write(Capture());

    /// <summary>Restores an accumulator written by <see cref="ToBytes"/>, checking every field.</summary>
    /// <param name="data">The serialized state.</param>
    /// <returns>An accumulator equal to the one serialized.</returns>
    /// <remarks>
    /// Format, little-endian: the 6 ASCII bytes "CMLSBE", the version byte (<see cref="FormatVersion"/>),
    /// threshold and beta (float64), zero division, exact capacity and max bins (int32), TP, FP, TN, FN (int64),
    /// log-loss and Brier sums (int128 fixed point, 2⁻⁸⁰ units, low 64 bits first), min and max score (float64),
    /// mode (byte: 0 exact, 1 histogram), histogram shift (int32), the numbers of kept positive and negative keys
    /// and of bins (int32), then the keys (uint64, order-preserving bits of each score), then the bins
    /// (uint64 id, int64 positives, int64 negatives). A weighted accumulator writes version <see cref="WeightedFormatVersion"/>:
    /// after the header above, the weighted cells TP, FP, TN, FN and the weighted log-loss and Brier sums (int128 fixed point,
    /// 2⁻⁶⁴ units); after the keys, each kept key's weight (float64, positives then negatives); and after each bin's
    /// counts its positives' and negatives' weights (int128 fixed point). Version 1 states read as before.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not such a state: wrong header, another version,
    /// truncated or too long, a setting out of range, or counts that do not add up.</exception>
    public static StreamingBinaryEvaluator FromBytes(ReadOnlySpan<byte> data) => StreamingStateFormat.Read(data);

    /// <summary>A copy of the state kept between calls, for <see cref="StreamingStateFormat"/>.</summary>
    internal StreamingState Capture()
    {
        (ulong[] positives, ulong[] negatives) = _kept.InOrder();
        return new(
            new StreamingSettings(Threshold, Beta, ZeroDivision, ExactCapacity, MaxBins),
            _counts,
            _logLossSum,
            _brierSum,
            _minScore,
            _maxScore,
            positives,
            negatives,
            _histogram?.Clone(),
            _weights is null ? null : CaptureWeights(_weights));
    }

    /// <summary>The bytes this accumulator holds in its kept keys (and weights) and histogram arrays, in use or not: what its
    /// documented memory bound covers.</summary>
    internal long StateBytes => _kept.BufferBytes + (_histogram?.ArrayBytes ?? 0);

    private StreamingWeights CaptureWeights(StreamingWeights w)
    {
        (double[] positives, double[] negatives) = _kept.WeightsInOrder();
        var copy = new StreamingWeights { RawPositives = positives, RawNegatives = negatives };
        copy.AddSums(w);
        return copy;
    }

    /// <summary>An accumulator holding <paramref name="state"/> (already checked by <see cref="StreamingStateFormat"/>).</summary>
    internal static StreamingBinaryEvaluator Restore(StreamingState state)
    {
        var settings = state.Settings;
        var restored = new StreamingBinaryEvaluator(settings.Threshold, settings.Beta, settings.ZeroDivision, settings.ExactCapacity, settings.MaxBins, state.Weights is not null)
        {
            _counts = state.Counts,
            _logLossSum = state.LogLossSum,
            _brierSum = state.BrierSum,
            _minScore = state.MinScore,
            _maxScore = state.MaxScore,
            _kept = KeptKeys.From(settings.ExactCapacity, state.Positives, state.Negatives, state.Weights?.RawPositives, state.Weights?.RawNegatives),
            _histogram = state.Histogram,
        };
        if (state.Weights is { } w)
        {
            restored._weights!.AddSums(w);
        }

        return restored;
    }

    private static void CheckSameSetting<T>(string name, T mine, T theirs)
    {
        if (!EqualityComparer<T>.Default.Equals(mine, theirs))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"other has {name} = {Format(theirs)} but this accumulator has {name} = {Format(mine)}; only accumulators with the same settings can be merged. Create every partition's StreamingBinaryEvaluator with the same threshold, beta, zeroDivision, exactCapacity and maxBins."),
                "other");
        }
    }

    private static string Format<T>(T value) => value is double d ? Preconditions.Describe(d) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
