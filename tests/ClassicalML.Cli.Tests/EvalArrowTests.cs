using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli.Tests;

/// <summary>
/// Arrow IPC files (Feather version 2) written inside the test by Apache.Arrow's own writer, LZ4-compressed as pyarrow's
/// write_feather does by default (Debian packages no pyarrow to write them with).
/// </summary>
public sealed class EvalArrowTests : IDisposable
{
    private readonly CliRunner files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Eval_ArrowNullableIntLabelsAndFloatScoresOverBatches_SameAsLibrary(bool fileFormat)
    {
        var path = files.PathOf(fileFormat ? "p.feather" : "p.arrows");
        int?[] labels = [1, 0, null, 1, 0, 0, 1, 0];
        float?[] scores = [0.9f, 0.2f, 0.7f, null, 0.4f, float.NaN, 0.6f, 0.65f];
        Write(path, fileFormat, 3, new Column("label", Int32Type.Default, n => Ints(labels.Skip(n.Start).Take(n.Length))),
            new Column("score", FloatType.Default, n => Floats(scores.Skip(n.Start).Take(n.Length))));
        var kept = Enumerable.Range(0, labels.Length).Where(i => labels[i] is not null && scores[i] is { } s && !float.IsNaN(s)).ToArray();
        BinaryReport expected = BinaryEvaluation.Evaluate([.. kept.Select(i => labels[i] == 1)], [.. kept.Select(i => (double)scores[i]!.Value)]);

        var (exit, stdout, stderr) = CliRunner.Run("eval", path, "--missing", "skip", "--format", "json");
        var error = CliRunner.Run("eval", path);

        Assert.Equal((0, string.Empty), (exit, stderr));
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(fileFormat ? "Arrow IPC file, 3 record batch(es)" : "Arrow IPC stream", json.GetProperty("file_format").GetString());
        Assert.Equal((5, 3), (json.GetProperty("n").GetInt32(), json.GetProperty("skipped_rows").GetInt32()));
        Assert.Equal(expected.RocAuc, json.GetProperty("roc_auc").GetDouble());
        Assert.Equal(expected.LogLoss!.Value, json.GetProperty("log_loss").GetDouble(), 12);
        Assert.Equal(2, error.Exit);
        Assert.Equal($"classicalml eval: {path}, column 'label' (column 1): row 3: the label is missing (null or NaN). Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.{Environment.NewLine}", error.Err);
    }

    [Fact]
    public void Eval_ArrowTextAndBooleanLabels_BinaryAndMulticlass()
    {
        var path = files.PathOf("t.arrow");
        string[] actual = ["yes", "no", "yes", "no"];
        bool[] predicted = [true, false, false, false];
        double[] scores = [0.8, 0.3, 0.4, 0.1];
        Write(path, true, 4, new Column("actual", StringType.Default, n => new StringArray.Builder().AppendRange(actual).Build()),
            new Column("predicted", BooleanType.Default, n => new BooleanArray.Builder().AppendRange(predicted).Build()),
            new Column("score", DoubleType.Default, n => new DoubleArray.Builder().AppendRange(scores).Build()));

        var binary = CliRunner.Run("eval", path, "--label-column", "actual", "--positive", "yes", "--format", "json");
        var multiclass = CliRunner.Run("eval", path, "--label-column", "predicted", "--predicted-column", "actual", "--format", "json");

        Assert.Equal((0, string.Empty), (binary.Exit, binary.Err));
        Assert.Equal(1.0, JsonDocument.Parse(binary.Out).RootElement.GetProperty("roc_auc").GetDouble());
        Assert.Equal((0, string.Empty), (multiclass.Exit, multiclass.Err));
        Assert.Equal(0.0, JsonDocument.Parse(multiclass.Out).RootElement.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public void Eval_ArrowTextScoreColumn_RefusedWithType()
    {
        var path = files.PathOf("s.arrow");
        Write(path, true, 1, new Column("label", BooleanType.Default, n => new BooleanArray.Builder().Append(true).Build()),
            new Column("score", StringType.Default, n => new StringArray.Builder().Append("0.5").Build()));

        var (exit, _, stderr) = CliRunner.Run("eval", path);

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, column 'score' (column 2): the column has Arrow type utf8, but scores must be numbers. Store the column as float or double (or name another column).{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Eval_DamagedArrow_OneLineError()
    {
        var path = files.PathOf("damaged.arrow");
        File.WriteAllBytes(path, [.. "ARROW1"u8, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, .. "ARROW1"u8]);

        var (exit, stdout, stderr) = CliRunner.Run("eval", path);

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith($"classicalml eval: {path}: cannot read the file as Arrow IPC (", stderr, StringComparison.Ordinal);
        Assert.EndsWith($"). Check that it is a complete Arrow IPC or Feather version 2 file (pyarrow.feather.write_feather), or export the predictions as CSV.{Environment.NewLine}", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Eval_ArrowScoreColumnsOverBatches_SameAsLibrary()
    {
        var path = files.PathOf("s.arrow");
        string[] labels = ["a", "b", "c", "a", "b", "c", "a"];
        float?[][] scores = [[0.6f, 0.3f, 0.1f, 0.2f, 0.5f, 0.3f, 0.4f], [0.3f, 0.5f, 0.2f, 0.2f, null, 0.3f, 0.4f], [0.1f, 0.2f, 0.7f, 0.6f, 0.2f, 0.4f, 0.2f]];
        Write(path, true, 3, new Column("label", StringType.Default, n => new StringArray.Builder().AppendRange(labels.Skip(n.Start).Take(n.Length)).Build()),
            new Column("p_a", FloatType.Default, n => Floats(scores[0].Skip(n.Start).Take(n.Length))),
            new Column("p_b", FloatType.Default, n => Floats(scores[1].Skip(n.Start).Take(n.Length))),
            new Column("p_c", FloatType.Default, n => Floats(scores[2].Skip(n.Start).Take(n.Length))));
        int[] kept = [0, 1, 2, 3, 5, 6];
        var matrix = ScoreMatrix.FromRows([.. kept.Select(i => (IReadOnlyList<double>)[.. scores.Select(c => (double)c[i]!.Value)])]);
        var expected = MulticlassScoreEvaluation.Evaluate<string>([.. kept.Select(i => labels[i])], matrix, ["a", "b", "c"]);

        var (exit, stdout, stderr) = CliRunner.Run("eval", path, "--score-prefix", "p_", "--missing", "skip", "--format", "json");
        var error = CliRunner.Run("eval", path, "--score-prefix", "p_");

        Assert.Equal((0, string.Empty), (exit, stderr));
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal((6, 1), (json.GetProperty("n").GetInt32(), json.GetProperty("skipped_rows").GetInt32()));
        Assert.Equal(expected.RocAucOvoWeighted, json.GetProperty("roc_auc_ovo_weighted").GetDouble());
        Assert.Equal(expected.PerClass[1].AveragePrecision, json.GetProperty("classes")[1].GetProperty("average_precision").GetDouble());
        Assert.Equal(2, error.Exit);
        Assert.Equal($"classicalml eval: {path}, column 'p_b' (column 3): row 5: the score is missing (null or NaN). Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.{Environment.NewLine}", error.Err);
    }

    /// <summary>Writes the columns in record batches of <paramref name="batch"/> rows, LZ4-compressed, as the file or the stream format.</summary>
    private static void Write(string path, bool fileFormat, int batch, params Column[] columns)
    {
        var rows = columns[0].Values((0, int.MaxValue)).Length;
        var builder = new Schema.Builder();
        foreach (var c in columns)
        {
            builder.Field(f => f.Name(c.Name).DataType(c.Type).Nullable(true));
        }

        var schema = builder.Build();
        var options = new IpcOptions { CompressionCodec = CompressionCodecType.Lz4Frame, CompressionCodecFactory = new CompressionCodecFactory() };
        using var stream = File.Create(path);
        using ArrowStreamWriter writer = fileFormat ? new ArrowFileWriter(stream, schema, leaveOpen: false, options) : new ArrowStreamWriter(stream, schema, leaveOpen: false, options);
        for (var start = 0; start < rows; start += batch)
        {
            var n = Math.Min(batch, rows - start);
            writer.WriteRecordBatch(new RecordBatch(schema, [.. columns.Select(c => c.Values((start, n)))], n));
        }

        writer.WriteEnd();
    }

    private static Int32Array Ints(IEnumerable<int?> values)
    {
        var builder = new Int32Array.Builder();
        foreach (var v in values)
        {
            _ = v is { } x ? builder.Append(x) : builder.AppendNull();
        }

        return builder.Build();
    }

    private static FloatArray Floats(IEnumerable<float?> values)
    {
        var builder = new FloatArray.Builder();
        foreach (var v in values)
        {
            _ = v is { } x ? builder.Append(x) : builder.AppendNull();
        }

        return builder.Build();
    }

    private sealed record Column(string Name, IArrowType Type, Func<(int Start, int Length), IArrowArray> Values);
}
