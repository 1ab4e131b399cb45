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

    /// <summary>The version byte written by <see cref="ToBytes"/> and the only one <see cref="FromBytes"/> reads.</summary>
    public const byte FormatVersion = 1;

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

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="threshold">Decision threshold: score ≥ threshold is predicted positive (default 0.5).</param>
    /// <param name="beta">The β of <see cref="BinaryReport.FBeta"/> (default 1); finite and &gt; 0.</param>
    /// <param name="zeroDivision">The value of ratios whose denominator is 0 (default <see cref="ZeroDivision.Zero"/>).</param>
    /// <param name="exactCapacity">Rows up to which every score is kept and AUC/AP are exact (default <see cref="DefaultExactCapacity"/>); 0 or more.</param>
    /// <param name="maxBins">Most histogram bins kept beyond <paramref name="exactCapacity"/> (default <see cref="DefaultMaxBins"/>); at least <see cref="MinBins"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (see each parameter).</exception>
    public StreamingBinaryEvaluator(
        double threshold = 0.5,
        double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Zero,
        int exactCapacity = DefaultExactCapacity,
        int maxBins = DefaultMaxBins)
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
    }

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
    public void Add(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Preconditions.CheckSameLength(labels.Length, scores.Length, nameof(labels), nameof(scores));
        Preconditions.CheckScores(scores, nameof(scores));
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
                _rawPositives[_rawPositiveCount++] = key;
            }
            else
            {
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

        ScoreHistogram? otherHistogram = other._histogram?.Clone();
        ulong[] otherPositives = other._rawPositives[..other._rawPositiveCount];
        ulong[] otherNegatives = other._rawNegatives[..other._rawNegativeCount];

        _counts.Add(other._counts);
        _logLossSum += other._logLossSum;
        _brierSum += other._brierSum;
        _minScore = Math.Min(_minScore, other._minScore);
        _maxScore = Math.Max(_maxScore, other._maxScore);
        if (otherHistogram is not null)
        {
            _histogram ??= ScoreHistogram.Empty();
            _histogram.AddHistogram(otherHistogram);
            _histogram.Limit(MaxBins);
        }

        EnsureRawCapacity(_rawPositiveCount + otherPositives.Length, _rawNegativeCount + otherNegatives.Length);
        otherPositives.CopyTo(_rawPositives.AsSpan(_rawPositiveCount));
        _rawPositiveCount += otherPositives.Length;
        otherNegatives.CopyTo(_rawNegatives.AsSpan(_rawNegativeCount));
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

        ReadOnlySpan<ulong> positives = _rawPositives.AsSpan(0, _rawPositiveCount);
        ReadOnlySpan<ulong> negatives = _rawNegatives.AsSpan(0, _rawNegativeCount);
        RankingSums ranking;
        if (_histogram is null)
        {
            ranking = RankingSums.From(ScoreOrder.SortByClass(positives, negatives));
        }
        else
        {
            ScoreHistogram all = _histogram.Clone();
            all.AddKeys(positives, negatives);
            all.Limit(MaxBins);
            ranking = all.Ranking();
        }

        string? nonProbability = null;
        if (_minScore < 0.0 || _maxScore > 1.0)
        {
            double outside = _minScore < 0.0 ? _minScore : _maxScore;
            nonProbability = string.Create(
                CultureInfo.InvariantCulture,
                $"a score of {Preconditions.Describe(outside)} is outside [0, 1], so the scores are not probabilities; reported as null");
        }

        double n = Count;
        return BinaryEvaluation.Report(
            _counts.ToCounts(),
            Threshold,
            Beta,
            ZeroDivision,
            ranking,
            _histogram is null,
            nonProbability is null ? (double)_logLossSum / FixedPointScale / n : null,
            nonProbability is null ? (double)_brierSum / FixedPointScale / n : null,
            nonProbability);
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
    /// (uint64 id, int64 positives, int64 negatives).
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
        _histogram?.Clone());

    /// <summary>An accumulator holding <paramref name="state"/> (already checked by <see cref="StreamingStateFormat"/>).</summary>
    internal static StreamingBinaryEvaluator Restore(StreamingState state)
    {
        var settings = state.Settings;
        return new StreamingBinaryEvaluator(settings.Threshold, settings.Beta, settings.ZeroDivision, settings.ExactCapacity, settings.MaxBins)
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
    }

    /// <summary>Moves the kept scores into the histogram once there are more than <see cref="ExactCapacity"/>.</summary>
    private void FlushIfOverCapacity()
    {
        if ((long)_rawPositiveCount + _rawNegativeCount <= ExactCapacity)
        {
            return;
        }

        _histogram ??= ScoreHistogram.Empty();
        _histogram.AddKeys(_rawPositives.AsSpan(0, _rawPositiveCount), _rawNegatives.AsSpan(0, _rawNegativeCount));
        _histogram.Limit(MaxBins);
        _rawPositiveCount = 0;
        _rawNegativeCount = 0;
        if (_rawPositives.Length > ExactCapacity || _rawNegatives.Length > ExactCapacity)
        {
            // A large batch grew the buffers past the bound; give the memory back.
            _rawPositives = [];
            _rawNegatives = [];
        }
    }
}
