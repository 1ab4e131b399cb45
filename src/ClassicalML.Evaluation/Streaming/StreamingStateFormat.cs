using System.Buffers.Binary;
using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>The settings of a <see cref="StreamingBinaryEvaluator"/>, as its constructor takes them.</summary>
internal readonly record struct StreamingSettings(double Threshold, double Beta, ZeroDivision ZeroDivision, int ExactCapacity, int MaxBins);

/// <summary>Everything a <see cref="StreamingBinaryEvaluator"/> keeps between calls, as its state format stores it.</summary>
internal sealed record StreamingState(
    StreamingSettings Settings,
    ConfusionTally Counts,
    Int128 LogLossSum,
    Int128 BrierSum,
    double MinScore,
    double MaxScore,
    ulong[] Positives,
    ulong[] Negatives,
    ScoreHistogram? Histogram,
    StreamingWeights? Weights = null);

/// <summary>
/// The binary state format of <see cref="StreamingBinaryEvaluator.ToBytes"/> and <see cref="StreamingBinaryEvaluator.FromBytes"/>
/// (layout in the remarks of <c>FromBytes</c>); reading checks every field before an accumulator is built.
/// </summary>
internal static class StreamingStateFormat
{
    private const int HeaderLength = 6 + 1 + 8 + 8 + 4 + 4 + 4 + (4 * 8) + (2 * 16) + (2 * 8) + 1 + (4 * 4);

    /// <summary>Version 2 (weighted) adds, after the version-1 header, the weighted cells TP, FP, TN, FN and the weighted
    /// log-loss and Brier sums (int128 fixed point, 2⁻⁶⁴ units); after the keys, each kept key's weight (float64, positives
    /// then negatives); and to each bin the positives' and negatives' weights (int128 fixed point).</summary>
    private const int WeightedHeaderLength = HeaderLength + (6 * 16);

    private static ReadOnlySpan<byte> Magic => "CMLSBE"u8;

    /// <summary>The bytes of <paramref name="state"/>.</summary>
    internal static byte[] Write(StreamingState state)
    {
        ScoreHistogram? h = state.Histogram;
        StreamingWeights? weights = state.Weights;
        int binCount = h?.Count ?? 0;
        int keyBytes = weights is null ? 8 : 16;
        int binBytes = weights is null ? 24 : 56;
        var data = new byte[(weights is null ? HeaderLength : WeightedHeaderLength) + (keyBytes * (state.Positives.Length + state.Negatives.Length)) + (binBytes * binCount)];
        var w = new Writer(data);
        w.Bytes(Magic);
        w.Byte(weights is null ? StreamingBinaryEvaluator.FormatVersion : StreamingBinaryEvaluator.WeightedFormatVersion);
        w.Double(state.Settings.Threshold);
        w.Double(state.Settings.Beta);
        w.Int((int)state.Settings.ZeroDivision);
        w.Int(state.Settings.ExactCapacity);
        w.Int(state.Settings.MaxBins);
        w.Long(state.Counts.TruePositives);
        w.Long(state.Counts.FalsePositives);
        w.Long(state.Counts.TrueNegatives);
        w.Long(state.Counts.FalseNegatives);
        w.Int128(state.LogLossSum);
        w.Int128(state.BrierSum);
        w.Double(state.MinScore);
        w.Double(state.MaxScore);
        w.Byte(h is null ? (byte)0 : (byte)1);
        w.Int(h?.Shift ?? 0);
        w.Int(state.Positives.Length);
        w.Int(state.Negatives.Length);
        w.Int(binCount);
        if (weights is not null)
        {
            foreach (Int128 sum in (Int128[])[weights.TruePositives, weights.FalsePositives, weights.TrueNegatives, weights.FalseNegatives, weights.LogLossSum, weights.BrierSum])
            {
                w.Int128(sum);
            }
        }

        foreach (ulong key in state.Positives)
        {
            w.ULong(key);
        }

        foreach (ulong key in state.Negatives)
        {
            w.ULong(key);
        }

        foreach (double weight in weights is null ? [] : (double[])[.. weights.RawPositives, .. weights.RawNegatives])
        {
            w.Double(weight);
        }

        for (int i = 0; i < binCount; i++)
        {
            w.ULong(h!.Bins[i]);
            w.Long(h.Positives[i]);
            w.Long(h.Negatives[i]);
            if (weights is not null)
            {
                w.Int128(h.PositiveWeights![i]);
                w.Int128(h.NegativeWeights![i]);
            }
        }

        return data;
    }

    /// <summary>The accumulator stored in <paramref name="data"/>, every field checked.</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not a state of this format.</exception>
    internal static StreamingBinaryEvaluator Read(ReadOnlySpan<byte> data)
    {
        bool weighted = CheckHeader(data);
        var r = new Reader(data[(Magic.Length + 1)..]);
        var settings = ReadSettings(ref r);
        var counts = new ConfusionTally { TruePositives = r.Long(), FalsePositives = r.Long(), TrueNegatives = r.Long(), FalseNegatives = r.Long() };
        Int128 logLossSum = r.Int128();
        Int128 brierSum = r.Int128();
        double minScore = r.Double();
        double maxScore = r.Double();
        var layout = new Layout(r.Byte(), r.Int(), r.Int(), r.Int(), r.Int());
        if (counts.TruePositives < 0 || counts.FalsePositives < 0 || counts.TrueNegatives < 0 || counts.FalseNegatives < 0 || logLossSum < 0 || brierSum < 0)
        {
            throw Invalid("a count or sum is negative");
        }

        StreamingWeights? weights = weighted ? ReadWeightSums(ref r) : null;
        CheckLayout(layout, settings, data.Length, weighted);
        ulong[] positives = ReadKeys(ref r, layout.RawPositives);
        ulong[] negatives = ReadKeys(ref r, layout.RawNegatives);
        if (weights is not null)
        {
            weights.RawPositives = ReadWeights(ref r, layout.RawPositives);
            weights.RawNegatives = ReadWeights(ref r, layout.RawNegatives);
        }

        ScoreHistogram? histogram = layout.Mode == 1 ? ReadHistogram(ref r, layout.Shift, layout.Bins, weighted) : null;
        var state = new StreamingState(settings, counts, logLossSum, brierSum, minScore, maxScore, positives, negatives, histogram, weights);
        CheckConsistent(state);
        return StreamingBinaryEvaluator.Restore(state);
    }

    /// <summary>The mode byte, histogram shift and the numbers of kept keys and bins, as the header states them.</summary>
    private readonly record struct Layout(byte Mode, int Shift, int RawPositives, int RawNegatives, int Bins);

    /// <summary>Checks magic, version and minimal length; true for the weighted version.</summary>
    private static bool CheckHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < Magic.Length + 1 || !data[..Magic.Length].SequenceEqual(Magic))
        {
            throw Invalid("it does not start with the header \"CMLSBE\"; it is not a StreamingBinaryEvaluator state");
        }

        byte version = data[Magic.Length];
        if (version != StreamingBinaryEvaluator.FormatVersion && version != StreamingBinaryEvaluator.WeightedFormatVersion)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"it has format version {version}, but this version of ClassicalML reads only versions {StreamingBinaryEvaluator.FormatVersion} and {StreamingBinaryEvaluator.WeightedFormatVersion}; serialize it again with a matching ClassicalML version"));
        }

        bool weighted = version == StreamingBinaryEvaluator.WeightedFormatVersion;
        int headerLength = weighted ? WeightedHeaderLength : HeaderLength;
        if (data.Length < headerLength)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"it is {data.Length} bytes long, shorter than the {headerLength}-byte header; it was truncated"));
        }

        return weighted;
    }

    private static StreamingWeights ReadWeightSums(ref Reader r)
    {
        var w = new StreamingWeights
        {
            TruePositives = r.Int128(),
            FalsePositives = r.Int128(),
            TrueNegatives = r.Int128(),
            FalseNegatives = r.Int128(),
            LogLossSum = r.Int128(),
            BrierSum = r.Int128(),
        };
        if (w.TruePositives < 0 || w.FalsePositives < 0 || w.TrueNegatives < 0 || w.FalseNegatives < 0 || w.LogLossSum < 0 || w.BrierSum < 0)
        {
            throw Invalid("a weighted count or sum is negative");
        }

        return w;
    }

    private static double[] ReadWeights(ref Reader r, int count)
    {
        var weights = new double[count];
        for (int i = 0; i < count; i++)
        {
            weights[i] = r.Double();
            if (!(weights[i] >= 0) || !double.IsFinite(weights[i]))
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"the weight of kept score {i} is not a finite number of at least 0"));
            }
        }

        return weights;
    }

    private static StreamingSettings ReadSettings(ref Reader r)
    {
        var settings = new StreamingSettings(r.Double(), r.Double(), (ZeroDivision)r.Int(), r.Int(), r.Int());
        try
        {
            // The constructor owns the settings' rules: an empty accumulator costs nothing.
            _ = new StreamingBinaryEvaluator(settings.Threshold, settings.Beta, settings.ZeroDivision, settings.ExactCapacity, settings.MaxBins);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Invalid("a stored setting is invalid: " + ex.Message, ex);
        }

        return settings;
    }

    private static void CheckLayout(Layout layout, StreamingSettings settings, int length, bool weighted)
    {
        var (mode, shift, rawPositives, rawNegatives, bins) = layout;
        if (mode > 1 || (mode == 0 && (shift != 0 || bins != 0)) || (mode == 1 && (shift < ScoreHistogram.InitialShift || shift > ScoreHistogram.MaxShift)))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"its mode {mode}, histogram shift {shift} and {bins} bins do not describe an exact (0, no bins) or histogram (1, shift {ScoreHistogram.InitialShift}–{ScoreHistogram.MaxShift}) state"));
        }

        if (rawPositives < 0 || rawNegatives < 0 || bins < 0 || (long)rawPositives + rawNegatives > settings.ExactCapacity || bins > settings.MaxBins)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"it claims {rawPositives} + {rawNegatives} kept scores (at most {settings.ExactCapacity}) and {bins} bins (at most {settings.MaxBins})"));
        }

        long expected = weighted
            ? WeightedHeaderLength + (16L * (rawPositives + (long)rawNegatives)) + (56L * bins)
            : HeaderLength + (8L * (rawPositives + (long)rawNegatives)) + (24L * bins);
        if (length != expected)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"it is {length} bytes long but its header describes {expected} bytes; it was truncated or has trailing data"));
        }
    }

    private static ulong[] ReadKeys(ref Reader r, int count)
    {
        var keys = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = r.ULong();
            if (!double.IsFinite(ScoreOrder.Score(keys[i])))
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"kept score {i} is not a finite number"));
            }
        }

        return keys;
    }

    private static ScoreHistogram ReadHistogram(ref Reader r, int shift, int bins, bool weighted)
    {
        var ids = new ulong[bins];
        var p = new long[bins];
        var q = new long[bins];
        Int128[]? pw = weighted ? new Int128[bins] : null;
        Int128[]? qw = weighted ? new Int128[bins] : null;
        for (int i = 0; i < bins; i++)
        {
            ids[i] = r.ULong();
            p[i] = r.Long();
            q[i] = r.Long();
            bool badWeight = false;
            if (weighted)
            {
                pw![i] = r.Int128();
                qw![i] = r.Int128();
                badWeight = pw[i] < 0 || qw[i] < 0 || (p[i] == 0 && pw[i] != 0) || (q[i] == 0 && qw[i] != 0);
            }

            if ((i > 0 && ids[i] <= ids[i - 1]) || p[i] < 0 || q[i] < 0 || p[i] + q[i] == 0 || ids[i] > ulong.MaxValue >> shift || badWeight)
            {
                throw Invalid(string.Create(CultureInfo.InvariantCulture, $"histogram bin {i} is out of order, empty, negative or outside the key range"));
            }
        }

        return new ScoreHistogram(shift, ids, p, q, bins, pw, qw);
    }

    /// <summary>The kept scores and bins must hold as many rows of each class as the confusion counts, and min/max agree.</summary>
    private static void CheckConsistent(StreamingState state)
    {
        long positives = state.Positives.Length;
        long negatives = state.Negatives.Length;
        for (int i = 0; i < (state.Histogram?.Count ?? 0); i++)
        {
            positives += state.Histogram!.Positives[i];
            negatives += state.Histogram.Negatives[i];
        }

        var c = state.Counts;
        if (positives != c.TruePositives + c.FalseNegatives || negatives != c.TrueNegatives + c.FalsePositives)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"its scores hold {positives} positives and {negatives} negatives but its confusion counts say {c.TruePositives + c.FalseNegatives} and {c.TrueNegatives + c.FalsePositives}"));
        }

        if (state.Weights is { } w)
        {
            CheckWeightsConsistent(w, state.Histogram);
        }

        bool empty = positives + negatives == 0;
        if (empty
            ? !(double.IsPositiveInfinity(state.MinScore) && double.IsNegativeInfinity(state.MaxScore))
            : !(double.IsFinite(state.MinScore) && double.IsFinite(state.MaxScore) && state.MinScore <= state.MaxScore))
        {
            throw Invalid("its minimum and maximum scores are inconsistent with its counts");
        }
    }

    /// <summary>The kept weights and the bins' weights must add up to the weighted cells of each class, exactly.</summary>
    private static void CheckWeightsConsistent(StreamingWeights w, ScoreHistogram? histogram)
    {
        Int128 positives = Int128.Zero;
        Int128 negatives = Int128.Zero;
        foreach (double weight in w.RawPositives)
        {
            positives += FixedWeights.From(weight);
        }

        foreach (double weight in w.RawNegatives)
        {
            negatives += FixedWeights.From(weight);
        }

        for (int i = 0; i < (histogram?.Count ?? 0); i++)
        {
            positives += histogram!.PositiveWeights![i];
            negatives += histogram.NegativeWeights![i];
        }

        if (positives != w.TruePositives + w.FalseNegatives || negatives != w.TrueNegatives + w.FalsePositives)
        {
            throw Invalid("its kept weights and bins do not add up to its weighted confusion cells");
        }
    }

    private static ArgumentException Invalid(string problem, Exception? inner = null) =>
        new($"data cannot be read as a StreamingBinaryEvaluator: {problem}. Pass the unmodified bytes returned by StreamingBinaryEvaluator.ToBytes().", "data", inner);

    private ref struct Writer(Span<byte> data)
    {
        private readonly Span<byte> _data = data;
        private int _at;

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(_data[_at..]);
            _at += value.Length;
        }

        public void Byte(byte value) => _data[_at++] = value;

        public void Int(int value) => Advance(4, BinaryPrimitives.WriteInt32LittleEndian, value);

        public void Long(long value) => Advance(8, BinaryPrimitives.WriteInt64LittleEndian, value);

        public void ULong(ulong value) => Advance(8, BinaryPrimitives.WriteUInt64LittleEndian, value);

        public void Double(double value) => Advance(8, BinaryPrimitives.WriteDoubleLittleEndian, value);

        public void Int128(Int128 value) => Advance(16, BinaryPrimitives.WriteInt128LittleEndian, value);

        private void Advance<T>(int size, SpanWriter<T> write, T value)
        {
            write(_data.Slice(_at, size), value);
            _at += size;
        }
    }

    private delegate void SpanWriter<T>(Span<byte> destination, T value);

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public byte Byte() => _data[_at++];

        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public ulong ULong() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

        public Int128 Int128() => BinaryPrimitives.ReadInt128LittleEndian(Take(16));

        private ReadOnlySpan<byte> Take(int size)
        {
            ReadOnlySpan<byte> slice = _data.Slice(_at, size);
            _at += size;
            return slice;
        }
    }
}
