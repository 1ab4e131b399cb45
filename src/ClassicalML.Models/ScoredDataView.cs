using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Models;

/// <summary>
/// A data view with the columns of its source plus Score (Single), optionally Probability (Single) and
/// PredictedLabel (Boolean) read from arrays. Hand-written because ML.NET has no public transform that
/// attaches arrays as columns of an existing view. Columns of the same name in the source are hidden, as ML.NET's scorers do.
/// </summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly IDataView source;
    private readonly float[] scores;
    private readonly float[]? probabilities;
    private readonly bool[] predicted;
    private readonly int sourceCount;

    public ScoredDataView(IDataView source, DataViewSchema schema, float[] scores, float[]? probabilities, bool[] predicted)
    {
        this.source = source;
        this.scores = scores;
        this.probabilities = probabilities;
        this.predicted = predicted;
        sourceCount = source.Schema.Count;
        Schema = schema;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => scores.Length;

    /// <summary>The schema: the source's columns, then Score, [Probability,] PredictedLabel with the given annotations.</summary>
    public static DataViewSchema MakeSchema(DataViewSchema source, bool withProbability, DataViewSchema.Annotations score, DataViewSchema.Annotations probability, DataViewSchema.Annotations predicted)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(source);
        builder.AddColumn("Score", NumberDataViewType.Single, score);
        if (withProbability)
        {
            builder.AddColumn("Probability", NumberDataViewType.Single, probability);
        }

        builder.AddColumn("PredictedLabel", BooleanDataViewType.Instance, predicted);
        return builder.ToSchema();
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        var sourceColumns = needed.Where(c => c.Index < sourceCount).Select(c => source.Schema[c.Index]).ToList();
        var active = new bool[Schema.Count];
        foreach (var column in needed)
        {
            active[column.Index] = true;
        }

        return new Cursor(this, source.GetRowCursor(sourceColumns), active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(ScoredDataView view, DataViewRowCursor inner, bool[] active) : DataViewRowCursor
    {
        private long position = -1;

        public override long Position => position;

        public override long Batch => inner.Batch;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (inner.MoveNext())
            {
                position++;
                if (position >= view.scores.Length)
                {
                    throw new InvalidOperationException(FormattableString.Invariant($"The source view has more rows than the {view.scores.Length} scored rows; it changed since it was scored."));
                }

                return true;
            }

            position = -1;
            return false;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < view.sourceCount)
            {
                return inner.GetGetter<TValue>(view.source.Schema[column.Index]);
            }

            if (!active[column.Index])
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when this cursor was created; include it in columnsNeeded.");
            }

            Delegate getter = column.Name switch
            {
                "Score" => (ValueGetter<float>)((ref float value) => value = view.scores[Row()]),
                "Probability" => (ValueGetter<float>)((ref float value) => value = view.probabilities![Row()]),
                _ => (ValueGetter<bool>)((ref bool value) => value = view.predicted[Row()]),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; a getter of {typeof(TValue).Name} cannot read it.");
        }

        private long Row() => position >= 0
            ? position
            : throw new InvalidOperationException("The cursor is not on a row; call MoveNext() and check that it returned true before reading values.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
