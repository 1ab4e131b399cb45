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
/// additions and merges. Memory kept between calls: at most 8·ExactCapacity + 24·MaxBins bytes; a call that moves
/// kept scores into the histogram briefly needs about as much again as work space, plus the batch itself.
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

    private ConfusionTally _counts;
    private Int128 _logLossSum;
    private Int128 _brierSum;
    private double _minScore = double.PositiveInfinity;
    private double _maxScore = double.NegativeInfinity;
    private ulong[] _rawPositives = [];
    private int _rawPositiveCount;
    private ulong[] _rawNegatives = [];
    private int _rawNegativeCount;
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
        _counts.Add(labels, scores, Threshold);
        int n = scores.Length;
        int positives = 0;
        for (int i = 0; i < n; i++)
        {
            double s = scores[i];
            bool positive = labels[i];
            positives += positive ? 1 : 0;
            _minScore = Math.Min(_minScore, s);
            _maxScore = Math.Max(_maxScore, s);
            if (s is >= 0.0 and <= 1.0)
            {
                _logLossSum += Fixed(BinaryEvaluation.LogLossTerm(s, positive));
                _brierSum += Fixed(BinaryEvaluation.BrierTerm(s, positive));
            }
        }

        EnsureRawCapacity(_rawPositiveCount + positives, _rawNegativeCount + (n - positives));
        for (int i = 0; i < n; i++)
        {
            ulong key = ScoreOrder.Key(scores[i]);
            if (labels[i])
            {
                if (_weights is not null)
                {
                    _weights.RawPositives[_rawPositiveCount] = weights[i];
                }

                _rawPositives[_rawPositiveCount++] = key;
            }
            else
            {
                if (_weights is not null)
                {
                    _weights.RawNegatives[_rawNegativeCount] = weights[i];
                }

                _rawNegatives[_rawNegativeCount++] = key;
            }
        }

        FlushIfOverCapacity();
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
        ulong[] otherPositives = other._rawPositives[..other._rawPositiveCount];
        ulong[] otherNegatives = other._rawNegatives[..other._rawNegativeCount];
        double[] otherPositiveWeights = other._weights?.RawPositives[..other._rawPositiveCount] ?? [];
        double[] otherNegativeWeights = other._weights?.RawNegatives[..other._rawNegativeCount] ?? [];
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
        }

        EnsureRawCapacity(_rawPositiveCount + otherPositives.Length, _rawNegativeCount + otherNegatives.Length);
        otherPositives.CopyTo(_rawPositives.AsSpan(_rawPositiveCount));
        otherNegatives.CopyTo(_rawNegatives.AsSpan(_rawNegativeCount));
        if (_weights is not null)
        {
            otherPositiveWeights.CopyTo(_weights.RawPositives.AsSpan(_rawPositiveCount));
            otherNegativeWeights.CopyTo(_weights.RawNegatives.AsSpan(_rawNegativeCount));
        }

        _rawPositiveCount += otherPositives.Length;
        _rawNegativeCount += otherNegatives.Length;
        FlushIfOverCapacity();
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
        ReadOnlySpan<ulong> positives = _rawPositives.AsSpan(0, _rawPositiveCount);
        ReadOnlySpan<ulong> negatives = _rawNegatives.AsSpan(0, _rawNegativeCount);
        if (_histogram is null)
        {
            return _weights is null
                ? RankingSums.From(ScoreOrder.SortByClass(positives, negatives))
                : RankingSums.From(ScoreOrder.SortByClass(positives, _weights.RawPositives.AsSpan(0, _rawPositiveCount), negatives, _weights.RawNegatives.AsSpan(0, _rawNegativeCount)));
        }

        ScoreHistogram all = _histogram.Clone();
        AddKeptKeys(all);
        all.Limit(MaxBins);
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
    internal StreamingState Capture() => new(
        new StreamingSettings(Threshold, Beta, ZeroDivision, ExactCapacity, MaxBins),
        _counts,
        _logLossSum,
        _brierSum,
        _minScore,
        _maxScore,
        _rawPositives[.._rawPositiveCount],
        _rawNegatives[.._rawNegativeCount],
        _histogram?.Clone(),
        _weights is null ? null : CaptureWeights(_weights));

    private StreamingWeights CaptureWeights(StreamingWeights w)
    {
        var copy = new StreamingWeights
        {
            RawPositives = w.RawPositives[.._rawPositiveCount],
            RawNegatives = w.RawNegatives[.._rawNegativeCount],
        };
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
            _rawPositives = state.Positives,
            _rawPositiveCount = state.Positives.Length,
            _rawNegatives = state.Negatives,
            _rawNegativeCount = state.Negatives.Length,
            _histogram = state.Histogram,
        };
        if (state.Weights is { } w)
        {
            restored._weights!.AddSums(w);
            restored._weights.RawPositives = w.RawPositives;
            restored._weights.RawNegatives = w.RawNegatives;
        }

        return restored;
    }

    private static Int128 Fixed(double term) => (Int128)Math.Round(term * FixedPointScale);

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

    private void EnsureRawCapacity(int positives, int negatives)
    {
        if (positives > _rawPositives.Length)
        {
            Array.Resize(ref _rawPositives, Math.Max(positives, Math.Min(2 * _rawPositives.Length, ExactCapacity)));
        }

        if (negatives > _rawNegatives.Length)
        {
            Array.Resize(ref _rawNegatives, Math.Max(negatives, Math.Min(2 * _rawNegatives.Length, ExactCapacity)));
        }

        if (_weights is not null)
        {
            Array.Resize(ref _weights.RawPositives, _rawPositives.Length);
            Array.Resize(ref _weights.RawNegatives, _rawNegatives.Length);
        }
    }

    /// <summary>Moves the kept scores into the histogram once there are more than <see cref="ExactCapacity"/>.</summary>
    private void FlushIfOverCapacity()
    {
        if ((long)_rawPositiveCount + _rawNegativeCount <= ExactCapacity)
        {
            return;
        }

        _histogram ??= ScoreHistogram.Empty(IsWeighted);
        AddKeptKeys(_histogram);
        _histogram.Limit(MaxBins);
        _rawPositiveCount = 0;
        _rawNegativeCount = 0;
        if (_rawPositives.Length > ExactCapacity || _rawNegatives.Length > ExactCapacity)
        {
            // A large batch grew the buffers past the bound; give the memory back.
            _rawPositives = [];
            _rawNegatives = [];
            if (_weights is not null)
            {
                _weights.RawPositives = [];
                _weights.RawNegatives = [];
            }
        }
    }

    /// <summary>Bins the kept keys (with their weights when weighted) into <paramref name="histogram"/>.</summary>
    private void AddKeptKeys(ScoreHistogram histogram)
    {
        ReadOnlySpan<ulong> positives = _rawPositives.AsSpan(0, _rawPositiveCount);
        ReadOnlySpan<ulong> negatives = _rawNegatives.AsSpan(0, _rawNegativeCount);
        if (_weights is null)
        {
            histogram.AddKeys(positives, negatives);
        }
        else
        {
            histogram.AddKeys(positives, _weights.RawPositives.AsSpan(0, _rawPositiveCount), negatives, _weights.RawNegatives.AsSpan(0, _rawNegativeCount));
        }
    }
}
