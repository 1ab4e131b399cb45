using System.Runtime.CompilerServices;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// Collects (label, score) rows into two arrays (9 bytes a row) and evaluates them with the batch evaluator,
/// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>. Past the exact capacity (unless exact evaluation is forced) it hands the
/// rows to a <see cref="StreamingBinaryEvaluator"/> and streams the rest in batches: bounded memory, with ROC AUC and
/// average precision from its histogram and their error bounds.
/// </summary>
internal sealed class BinaryCollector
{
    private const int BatchSize = 65_536;
    private readonly double threshold;
    private readonly ZeroDivision zeroDivision;
    private readonly int exactCapacity;
    private readonly bool exact;
    private bool[] labels;
    private double[] scores;
    private int count;
    private StreamingBinaryEvaluator? streaming;

    /// <param name="threshold">Score ≥ threshold is predicted positive.</param>
    /// <param name="zeroDivision">The report's zero-division policy.</param>
    /// <param name="exactCapacity">Rows up to which every score is kept.</param>
    /// <param name="exact">Keep every score whatever the number of rows.</param>
    /// <param name="expectedRows">The number of rows or an estimate of it, so that the arrays are allocated once.</param>
    /// <param name="rowsKnown">Whether <paramref name="expectedRows"/> is exact (Parquet's metadata), so that no margin is added.</param>
    public BinaryCollector(double threshold, ZeroDivision zeroDivision, int exactCapacity, bool exact, long expectedRows, bool rowsKnown = false)
    {
        this.threshold = threshold;
        this.zeroDivision = zeroDivision;
        this.exactCapacity = exactCapacity;
        this.exact = exact;
        var capacity = Math.Min(Array.MaxLength, rowsKnown ? Math.Max(expectedRows, 1) : (expectedRows / 20 * 21) + 1024);
        capacity = exact ? capacity : Math.Min(capacity, Math.Max(exactCapacity, 1));
        labels = GC.AllocateUninitializedArray<bool>((int)capacity);
        scores = GC.AllocateUninitializedArray<double>((int)capacity);
    }

    /// <summary>Rows added.</summary>
    public long Count => (streaming?.Count ?? 0) + count;

    /// <summary>Adds one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(bool label, double score)
    {
        if (count == labels.Length)
        {
            MakeRoom();
        }

        labels[count] = label;
        scores[count] = score;
        count++;
    }

    /// <summary>Adds a block of rows (a Parquet row group), copying it in pieces that fit.</summary>
    public void AddBlock(ReadOnlySpan<bool> blockLabels, ReadOnlySpan<double> blockScores)
    {
        while (!blockLabels.IsEmpty)
        {
            if (count == labels.Length)
            {
                MakeRoom();
            }

            var k = Math.Min(blockLabels.Length, labels.Length - count);
            blockLabels[..k].CopyTo(labels.AsSpan(count));
            blockScores[..k].CopyTo(scores.AsSpan(count));
            count += k;
            blockLabels = blockLabels[k..];
            blockScores = blockScores[k..];
        }
    }

    /// <summary>
    /// Room for <paramref name="n"/> more rows in the kept arrays, for a reader that fills them in place (a Parquet row
    /// group's columns) and then calls <see cref="Commit"/>; false while streaming or when the arrays are too short.
    /// </summary>
    public bool TryReserve(int n, out Memory<double> rowScores, out Memory<bool> rowLabels)
    {
        if (streaming is not null || labels.Length - count < n)
        {
            (rowScores, rowLabels) = (default, default);
            return false;
        }

        rowScores = scores.AsMemory(count, n);
        rowLabels = labels.AsMemory(count, n);
        return true;
    }

    /// <summary>
    /// Room for <paramref name="n"/> scores at <paramref name="offset"/> (at or after the rows committed so far) in the
    /// kept array, for a reader that decodes the next block while the current one is still being classified; false while
    /// streaming or when the array is too short. <see cref="MoveToEnd"/> then moves them behind the committed rows.
    /// </summary>
    public bool TryReserveAt(int offset, int n, out Memory<double> rowScores)
    {
        if (streaming is not null || offset < count || (long)offset + n > scores.Length)
        {
            rowScores = default;
            return false;
        }

        rowScores = scores.AsMemory(offset, n);
        return true;
    }

    /// <summary>Moves <paramref name="n"/> scores reserved at <paramref name="offset"/> to just behind the committed rows.</summary>
    public void MoveToEnd(int offset, int n)
    {
        if (offset != count)
        {
            scores.AsSpan(offset, n).CopyTo(scores.AsSpan(count)); // overlapping ranges are copied as if through a temporary
        }
    }

    /// <summary>Keeps the first <paramref name="kept"/> rows of the room given by <see cref="TryReserve"/>.</summary>
    public void Commit(int kept) => count += kept;

    /// <summary>The report; the collected rows too when every row was kept (for curves), empty otherwise.</summary>
    /// <remarks>The arrays are evaluated in place (no trimming copy): peak memory is these 9 bytes a row plus the evaluator's sort.</remarks>
    public (BinaryReport Report, ReadOnlyMemory<bool> Labels, ReadOnlyMemory<double> Scores) Evaluate()
    {
        if (streaming is not null)
        {
            Flush();
            return (streaming.ToReport(), default, default);
        }

        var report = BinaryEvaluation.Evaluate(labels.AsSpan(0, count), scores.AsSpan(0, count), threshold, zeroDivision: zeroDivision);
        return (report, labels.AsMemory(0, count), scores.AsMemory(0, count));
    }

    /// <summary>The collected rows without evaluating them (every row is kept: the collector was made with exact).</summary>
    public (ReadOnlyMemory<bool> Labels, ReadOnlyMemory<double> Scores) Rows() => (labels.AsMemory(0, count), scores.AsMemory(0, count));

    private void MakeRoom()
    {
        if (streaming is not null)
        {
            Flush();
            return;
        }

        if (!exact && count >= exactCapacity)
        {
            // Past the capacity the histogram's resolution depends only on the rows, not on when streaming began.
            streaming = new StreamingBinaryEvaluator(threshold, zeroDivision: zeroDivision, exactCapacity: 0);
            Flush();
            labels = new bool[BatchSize];
            scores = new double[BatchSize];
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max(count + 1024L, count / 4 * 5L));
        size = exact ? size : Math.Min(size, exactCapacity);
        Array.Resize(ref labels, size);
        Array.Resize(ref scores, size);
    }

    private void Flush()
    {
        for (var start = 0; start < count; start += BatchSize)
        {
            var length = Math.Min(BatchSize, count - start);
            streaming!.Add(labels.AsSpan(start, length), scores.AsSpan(start, length));
        }

        count = 0;
    }
}
