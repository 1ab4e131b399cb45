using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Evaluation;

/// <summary>
/// The unweighted <see cref="DataViewEvaluation.EvaluateBinary"/> (issue #18): the calling thread reads the cursor a chunk
/// of rows at a time into pooled buffers and makes the per-row pass over each chunk it read
/// (<see cref="BinaryChunkSums.AddRows"/>: the check for non-finite scores, confusion counts, Brier sum) while a
/// thread-pool thread ranks the finished chunks in order (<see cref="BinaryChunkSums.AddRanking"/>: tie counts and the log
/// loss, the larger half of the work), so that evaluating overlaps reading and only the ranking's last step is left when the
/// cursor ends. Each half is done by one thread in row order, so the report is the same bits however the two are timed.
/// </summary>
public static partial class DataViewEvaluation
{
    /// <summary>Rows a chunk (576 KiB of labels and scores): few enough hand-overs that waking the other thread is rare on a loaded machine.</summary>
    internal const int ChunkRows = 1 << 16;

    /// <summary>Read chunks waiting to be summed, at most: the reader is ahead of the summing by this many chunks and no more.</summary>
    private const int WaitingChunks = 8;

    /// <summary>Labels and scores of up to <see cref="ChunkRows"/> rows, in arrays rented from the shared pool.</summary>
    private sealed class Chunk
    {
        internal bool[] Labels { get; } = ArrayPool<bool>.Shared.Rent(ChunkRows);

        internal double[] Scores { get; } = ArrayPool<double>.Shared.Rent(ChunkRows);

        internal int Count { get; set; }

        internal void Return()
        {
            ArrayPool<bool>.Shared.Return(Labels);
            ArrayPool<double>.Shared.Return(Scores);
        }
    }

    /// <summary>
    /// Reads the label and score columns chunk by chunk and evaluates them as
    /// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> evaluates
    /// the same values in arrays: the same report, bit for bit, and the same errors (a bad label or a cursor's error while
    /// reading, then no rows, a non-finite score, the settings).
    /// </summary>
    private static BinaryReport EvaluateInChunks(IDataView predictions, BinaryColumns columns, double threshold, double beta, ZeroDivision zeroDivision)
    {
        using var sums = new BinaryChunkSums(threshold, KnownRows(predictions));
        using (var cursor = predictions.GetRowCursor(columns.Needed))
        {
            var reader = new ChunkReader(cursor, columns);
            var first = new Chunk();
            try
            {
                if (reader.Read(first))
                {
                    SumWhileReading(reader, first, sums);
                }
                else
                {
                    sums.Add(first.Labels.AsSpan(0, first.Count), first.Scores.AsSpan(0, first.Count)); // one chunk: no second thread
                }
            }
            finally
            {
                first.Return();
            }
        }

        (RowSums rows, double firstNonProbabilityScore, RankingSums ranking) = sums.Finish();
        return BinaryEvaluation.Report(rows, firstNonProbabilityScore, ranking, threshold, beta, zeroDivision);
    }

    /// <summary>
    /// Adds <paramref name="first"/> and every later chunk, in order, to the per-row pass of <paramref name="sums"/> here and
    /// hands it to a thread-pool thread that adds it to the ranking, and reads the next chunks meanwhile. Returns when every
    /// row is summed; an error of either thread is thrown here once the other has stopped.
    /// </summary>
    private static void SumWhileReading(ChunkReader reader, Chunk first, BinaryChunkSums sums)
    {
        using var ready = new BlockingCollection<Chunk>(new ConcurrentQueue<Chunk>(), WaitingChunks); // FIFO: chunks are summed in row order
        using var free = new BlockingCollection<Chunk>(new ConcurrentQueue<Chunk>());
        using var stop = new CancellationTokenSource();
        var chunks = new List<Chunk>();
        int abandoned = 0;
        Task summing = Task.Run(() =>
        {
            try
            {
                foreach (Chunk chunk in ready.GetConsumingEnumerable())
                {
                    if (Volatile.Read(ref abandoned) == 0)
                    {
                        sums.AddRanking(chunk.Labels.AsSpan(0, chunk.Count), chunk.Scores.AsSpan(0, chunk.Count));
                    }

                    free.Add(chunk);
                }
            }
            catch
            {
                stop.Cancel(); // the reader may be waiting for room in ready
                throw;
            }
        });

        try
        {
            ReadAndAddRows(reader, first, sums, ready, free, chunks, stop.Token);
            ready.CompleteAdding();
            summing.GetAwaiter().GetResult();
        }
        catch (Exception readError)
        {
            Volatile.Write(ref abandoned, 1);
            ready.CompleteAdding();
            try
            {
                summing.GetAwaiter().GetResult();
            }
            catch (Exception) when (readError is not OperationCanceledException)
            {
                // The reader's error is the one to report; the summing thread has stopped.
            }

            throw;
        }
        finally
        {
            foreach (Chunk chunk in chunks)
            {
                chunk.Return();
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="first"/> and every later chunk of <paramref name="reader"/> to the per-row pass of
    /// <paramref name="sums"/>, and queues each chunk whose rows were all counted in <paramref name="ready"/> for the ranking
    /// thread; takes the chunk to read into from <paramref name="free"/>, or allocates one (kept in <paramref name="chunks"/>).
    /// </summary>
    private static void ReadAndAddRows(
        ChunkReader reader, Chunk first, BinaryChunkSums sums, BlockingCollection<Chunk> ready, BlockingCollection<Chunk> free,
        List<Chunk> chunks, CancellationToken stop)
    {
        // A chunk goes to the ranking thread once its rows are checked and counted here; from a non-finite score on,
        // the chunks stay here and are read into again (the rest of the cursor is still read for its label errors).
        Chunk? chunk = first;
        bool more = true;
        while (true)
        {
            if (sums.AddRows(chunk.Labels.AsSpan(0, chunk.Count), chunk.Scores.AsSpan(0, chunk.Count)))
            {
                ready.Add(chunk, stop);
                chunk = null;
            }

            if (!more)
            {
                break;
            }

            if (chunk is null && !free.TryTake(out chunk))
            {
                chunk = new Chunk();
                chunks.Add(chunk);
            }

            more = reader.Read(chunk);
        }
    }

    /// <summary>Reads a cursor's label and score columns into chunks, with the errors of <see cref="ReadBinaryPredictions"/> (the label's row counted from the first row).</summary>
    private sealed class ChunkReader(DataViewRowCursor cursor, BinaryColumns columns)
    {
        private readonly BinaryRowReader _reader = BinaryGetters(cursor, columns.Needed, columns.Label, columns.Score);

        private long _row;

        /// <summary>Fills the chunk with the next rows; false when the cursor ended (the chunk may then hold fewer rows, or none).</summary>
        internal bool Read(Chunk chunk)
        {
            BinaryRowReader row = _reader;
            long start = _row;
            bool[] labels = chunk.Labels;
            double[] scores = chunk.Scores;
            int n = 0;
            bool more = true;
            while (n < ChunkRows)
            {
                if (!cursor.MoveNext())
                {
                    more = false;
                    break;
                }

                scores[n] = row.Read(start + n, out labels[n]);
                n++;
            }

            chunk.Count = n;
            _row += n;
            return more;
        }
    }
}
