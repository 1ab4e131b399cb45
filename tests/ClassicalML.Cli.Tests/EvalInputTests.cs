using System.Globalization;
using System.Text;
using System.Text.Json;
using ClassicalML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Parquet;
using Parquet.Schema;

namespace ClassicalML.Cli.Tests;

/// <summary>Files as ML.NET and Parquet.Net write them inside the test, delimiters, column defaults, missing values, --exact.</summary>
public sealed class EvalInputTests : IDisposable
{
    private readonly CliRunner files = new();

    public void Dispose() => files.Dispose();

    private static JsonElement Json(params string[] args) => JsonOf(CliRunner.Run(args));

    private static JsonElement JsonOf((int Exit, string Out, string Err) run)
    {
        Assert.True(run.Exit == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.Clone();
    }

    private static double? Number(JsonElement e, string key) =>
        e.GetProperty(key).ValueKind == JsonValueKind.Null ? null : e.GetProperty(key).GetDouble();

    private static (IDataView Scored, MLContext Ml) Scored(bool calibrated, bool sparse)
    {
        var ml = new MLContext(seed: 0);
        var random = new MathNet.Numerics.Random.MersenneTwister(3, threadSafe: false);
        var rows = Enumerable.Range(0, 120).Select(i =>
        {
            var positive = random.NextDouble() < 0.4;
            return new Row { Label = positive, Size = (float)((positive ? 1.0 : 0.0) + random.NextDouble()), Colour = "c" + (i % 13) };
        }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var features = sparse
            ? ml.Transforms.Categorical.OneHotEncoding("ColourVector", nameof(Row.Colour)).Append(ml.Transforms.Concatenate("Features", "ColourVector", nameof(Row.Size)))
            : ml.Transforms.Concatenate("Features", nameof(Row.Size)).Append(ml.Transforms.Concatenate("Features", "Features"));
        IDataView scored = calibrated
            ? features.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()).Fit(data).Transform(data)
            : features.Append(ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 5)).Fit(data).Transform(data);
        return (scored, ml);
    }

    private string SaveAsText(IDataView scored, MLContext ml, string name)
    {
        var path = files.PathOf(name);
        using var stream = File.Create(path);
        ml.Data.SaveAsText(scored, stream); // ML.NET's defaults: schema comment, tab, header row
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Eval_MlNetSaveAsTextDefaults_UsesLabelAndProbability(bool sparse)
    {
        var (scored, ml) = Scored(calibrated: true, sparse);
        var path = SaveAsText(scored, ml, "scored.tsv");
        bool[] labels = [.. scored.GetColumn<bool>("Label")];
        double[] probabilities = [.. scored.GetColumn<float>("Probability").Select(p => double.Parse(p.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];
        BinaryReport expected = BinaryEvaluation.Evaluate(labels, probabilities);

        JsonElement json = Json("eval", path, "--format", "json");

        Assert.Equal("ML.NET text, delimiter tab", json.GetProperty("file_format").GetString());
        Assert.Equal(("Label", "Probability", 0.5), (json.GetProperty("label_column").GetString(), json.GetProperty("score_column").GetString(), json.GetProperty("threshold").GetDouble()));
        Assert.Equal(expected.N, json.GetProperty("n").GetInt32());
        Assert.Equal(expected.TruePositives, json.GetProperty("confusion").GetProperty("tp").GetInt32());
        Assert.Equal(expected.RocAuc, Number(json, "roc_auc"));
        Assert.Equal(expected.AveragePrecision, Number(json, "average_precision"));
        Assert.Equal(expected.LogLoss!.Value, Number(json, "log_loss")!.Value, 12);
    }

    [Fact]
    public void Eval_MlNetScoreWithoutProbability_ThresholdZeroAndSaysWhy()
    {
        var (scored, ml) = Scored(calibrated: false, sparse: false);
        var path = SaveAsText(scored, ml, "svm.tsv");
        bool[] labels = [.. scored.GetColumn<bool>("Label")];
        double[] margins = [.. scored.GetColumn<float>("Score").Select(p => double.Parse(p.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];
        BinaryReport expected = BinaryEvaluation.Evaluate(labels, margins, threshold: 0);

        var (exit, stdout, stderr) = CliRunner.Run("eval", path);

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("label column 'Label', score column 'Score'; threshold 0 (ML.NET's rule for a Score column without Probability: the score is a margin)", stdout, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"n = {expected.N} (positives {expected.Positives}, negatives {expected.Negatives}), score >= 0 is positive"), stdout, StringComparison.Ordinal);
        Assert.Equal(expected.Mcc, Number(Json("eval", path, "--format", "json"), "mcc"));
    }

    [Fact]
    public void Eval_MlNetMissingScore_QuestionMarkIsNaN()
    {
        var path = files.File("nan.tsv", "#@ TextLoader{\n#@   header+\n#@   sep=tab\n#@   col=Label:BL:0\n#@   col=Score:R4:1\n#@ }\nLabel\tScore\n1\t?\n0\t0.5\n1\t1.5\n");

        var (exit, _, stderr) = CliRunner.Run("eval", path);
        JsonElement json = Json("eval", path, "--missing", "skip", "--format", "json");

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, line 8, column 'Score' (column 2): the score is ? (ML.NET's NaN). Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.{Environment.NewLine}", stderr);
        Assert.Equal((2, 1), (json.GetProperty("n").GetInt32(), json.GetProperty("skipped_rows").GetInt32()));
    }

    [Fact]
    public void Open_CsvThroughASymbolicLink_EstimatesTheRowsOfTheFileNotOfTheLink()
    {
        var text = new StringBuilder("label,score\n");
        for (var i = 0; i < 2000; i++)
        {
            text.Append(i % 3 == 0 ? "1," : "0,").Append((i % 97 / 97.0).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        var target = files.File("target.csv", text.ToString());
        var link = files.PathOf("link.csv");
        File.CreateSymbolicLink(link, target);

        using PredictionFile direct = PredictionFile.Open(target, null);
        using PredictionFile linked = PredictionFile.Open(link, null);

        Assert.InRange(direct.ExpectedRows, 1900, 2100); // an estimate from the first 64 KB's mean line length
        Assert.Equal(direct.ExpectedRows, linked.ExpectedRows); // was the link's own few bytes: the collector then grew by copying
    }

    [Fact]
    public async Task Eval_ParquetWrittenInTest_NullableIntLabelsAndFloatScoresOverRowGroups()
    {
        var path = files.PathOf("p.parquet");
        int?[] labels = [1, 0, null, 1, 0, 0, 1, 0];
        float?[] scores = [0.9f, 0.2f, 0.7f, null, 0.4f, float.NaN, 0.6f, 0.65f];
        await WriteParquet(path, labels, scores, rowGroup: 3);
        var kept = Enumerable.Range(0, labels.Length).Where(i => labels[i] is not null && scores[i] is { } s && !float.IsNaN(s)).ToArray();
        BinaryReport expected = BinaryEvaluation.Evaluate([.. kept.Select(i => labels[i] == 1)], [.. kept.Select(i => (double)scores[i]!.Value)]);

        JsonElement json = Json("eval", path, "--missing", "skip", "--format", "json");
        var (exit, _, stderr) = CliRunner.Run("eval", path);

        Assert.Equal("Parquet, 3 row group(s)", json.GetProperty("file_format").GetString());
        Assert.Equal((5, 3), (json.GetProperty("n").GetInt32(), json.GetProperty("skipped_rows").GetInt32()));
        Assert.Equal(expected.RocAuc, Number(json, "roc_auc"));
        Assert.Equal(expected.LogLoss!.Value, Number(json, "log_loss")!.Value, 12);
        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, column 'label' (column 1): row 3: the label is missing (null or NaN). Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.{Environment.NewLine}", stderr);
    }

    [Theory]
    [InlineData(10_000)] // every group decoded in place, behind the rows earlier groups kept
    [InlineData(1000)] // past the exact capacity: the groups that do not fit are decoded aside and streamed
    public async Task Eval_ParquetManyRowGroupsWithSkippedRows_SameJsonAsTheCsvOfTheSameRows(int exactCapacity)
    {
        var random = new Random(11);
        var labels = new int?[5003];
        var scores = new float?[labels.Length];
        var csv = new StringBuilder("label,score\n");
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.01 ? null : random.NextDouble() < 0.3 ? 1 : 0;
            scores[i] = random.NextDouble() < 0.01 ? null : (float)Math.Round((labels[i] == 1 ? 0.25 : 0) + (0.75 * random.NextDouble()), 3);
            csv.Append(labels[i]?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(((double?)scores[i])?.ToString("R", CultureInfo.InvariantCulture)).Append('\n'); // the float's exact value
        }

        var parquet = files.PathOf("many.parquet");
        await WriteParquet(parquet, labels, scores, rowGroup: 97);
        var csvPath = files.File("many.csv", csv.ToString());

        string Run(string path)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, CliApp.Run(["eval", path, "--missing", "skip", "--format", "json"], stdout, stderr, exactCapacity));
            return stdout.ToString();
        }

        JsonElement fromParquet = JsonOf((0, Run(parquet), string.Empty));
        JsonElement fromCsv = JsonOf((0, Run(csvPath), string.Empty));

        Assert.Equal("Parquet, 52 row group(s)", fromParquet.GetProperty("file_format").GetString());
        Assert.True(fromParquet.GetProperty("skipped_rows").GetInt32() > 50);
        foreach (var name in new[] { "n", "skipped_rows", "positives", "roc_auc", "average_precision", "log_loss", "f1", "ranking_exact" })
        {
            Assert.Equal(fromCsv.GetProperty(name).ToString(), fromParquet.GetProperty(name).ToString());
        }
    }

    [Theory]
    [InlineData(new[] { 1, 0, 1, 0, 0, 2, 1 }, 0f, "row 6: ")] // a third class after rows the fast loop took: the full rules name its row
    [InlineData(new[] { 1, 0, 1, 0, 0, 1, 1 }, float.PositiveInfinity, "row 6: the score is ")] // so does an infinite score
    public async Task Eval_ParquetRowRefusedAfterPlainRows_NamesItsRow(int[] labels, float sixthScore, string expected)
    {
        var path = files.PathOf("r.parquet");
        float?[] scores = [0.9f, 0.2f, 0.7f, 0.3f, 0.4f, sixthScore, 0.6f];
        await WriteParquet(path, [.. labels.Select(l => (int?)l)], scores, rowGroup: 4);

        var (exit, _, stderr) = CliRunner.Run("eval", path);

        Assert.Equal(2, exit);
        Assert.StartsWith($"classicalml eval: {path}, column '{(float.IsInfinity(sixthScore) ? "score" : "label")}'", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_ParquetScoreColumns_SameAsLibrary()
    {
        var path = files.PathOf("s.parquet");
        var label = new DataField<string>("label");
        var cat = new DataField<double>("cat");
        var dog = new DataField<double>("dog");
        string[] labels = ["cat", "dog", "dog", "cat"];
        double[][] scores = [[2.0, -1.0, 0.5, 0.5], [-1.0, 3.0, 0.5, 1.0]];
        await WriteOneRowGroup(path, [label, cat, dog], async group =>
        {
            await group.WriteAsync(label, labels);
            await group.WriteAsync(cat, new ReadOnlyMemory<double>(scores[0]));
            await group.WriteAsync(dog, new ReadOnlyMemory<double>(scores[1]));
        });
        var matrix = ScoreMatrix.FromRows([.. Enumerable.Range(0, 4).Select(i => (IReadOnlyList<double>)[scores[0][i], scores[1][i]])]);
        var expected = MulticlassScoreEvaluation.Evaluate<string>(labels, matrix, ["cat", "dog"]);

        JsonElement json = Json("eval", path, "--score-columns", "cat,dog", "--format", "json");

        Assert.Equal(expected.RocAucOvrMacro, Number(json, "roc_auc_ovr_macro"));
        Assert.Equal(expected.TopKAccuracy[1], json.GetProperty("top_k_accuracy").GetProperty("1").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("log_loss").ValueKind); // margins, not probabilities
        Assert.Contains(json.GetProperty("undefined").EnumerateArray(), u => u.GetProperty("metric").GetString() == "log_loss");
    }

    [Fact]
    public async Task Eval_ParquetTextScoreColumn_RefusedWithType()
    {
        var path = files.PathOf("t.parquet");
        var label = new DataField<bool>("label");
        var score = new DataField<string>("score");
        await WriteOneRowGroup(path, [label, score], async group =>
        {
            await group.WriteAsync(label, new ReadOnlyMemory<bool>([true]));
            await group.WriteAsync(score, ["0.5"]);
        });

        var (exit, _, stderr) = CliRunner.Run("eval", path);

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, column 'score' (column 2): the column has Parquet type text, but scores must be numbers. Store the column as float or double (or name another column).{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Eval_DamagedParquet_OneLineError()
    {
        var path = files.PathOf("damaged.parquet");
        File.WriteAllBytes(path, [.. "PAR1"u8, 1, 2, 3, 4, 5, 6, 7, 8, .. "PAR1"u8]);

        var (exit, stdout, stderr) = CliRunner.Run("eval", path);

        Assert.Equal((2, string.Empty), (exit, stdout));
        Assert.StartsWith($"classicalml eval: {path}: cannot read the file as Parquet (", stderr, StringComparison.Ordinal);
        Assert.EndsWith($"). Check that it is a complete Parquet file, or export the predictions as CSV.{Environment.NewLine}", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Eval_ParquetMulticlass_IntegerAndTextLabelsComparedAsText()
    {
        var path = files.PathOf("m.parquet");
        var label = new DataField<int>("label");
        var predicted = new DataField<string>("predicted");
        await WriteOneRowGroup(path, [label, predicted], async group =>
        {
            await group.WriteAsync(label, new ReadOnlyMemory<int>([0, 1, 2, 2, 1]));
            await group.WriteAsync(predicted, ["0", "2", "2", "2", "1"]);
        });
        MulticlassReport<string> expected = MulticlassEvaluation.Evaluate<string>(["0", "1", "2", "2", "1"], ["0", "2", "2", "2", "1"]);

        JsonElement json = Json("eval", path, "--predicted-column", "predicted", "--format", "json");

        Assert.Equal(["0", "1", "2"], json.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(expected.Macro.F1, json.GetProperty("macro").GetProperty("f1").GetDouble());
    }

    [Fact]
    public async Task Eval_ParquetTextLabels_WithPositive()
    {
        var path = files.PathOf("s.parquet");
        var label = new DataField<string>("Label");
        var score = new DataField<double>("Probability");
        await WriteOneRowGroup(path, [label, score], async group =>
        {
            await group.WriteAsync(label, ["churn", "stay", "stay", "churn"]);
            await group.WriteAsync(score, new ReadOnlyMemory<double>([0.8, 0.3, 0.6, 0.4]));
        });

        JsonElement json = Json("eval", path, "--positive", "churn", "--format", "json");

        Assert.Equal(("Label", "Probability", 2), (json.GetProperty("label_column").GetString(), json.GetProperty("score_column").GetString(), json.GetProperty("positives").GetInt32()));
        Assert.Equal(0.75, Number(json, "roc_auc"));
    }

    [Theory]
    [InlineData("label;score\n1;0.9\n0;0.2\n1;0.4\n", "CSV, delimiter ';'")]
    [InlineData("label\tscore\n1\t0.9\n0\t0.2\n1\t0.4\n", "CSV, delimiter tab")]
    [InlineData("label|score\n1|0.9\n0|0.2\n1|0.4\n", "CSV, delimiter '|'")]
    [InlineData("\uFEFFlabel,score\r\n1,0.9\r\n0,0.2\r\n1,0.4\r\n", "CSV, delimiter ','")]
    public void Eval_Delimiters_DetectedFromHeaderLine(string text, string format)
    {
        var path = files.File("d.csv", text);

        JsonElement json = Json("eval", path, "--format", "json");

        Assert.Equal(format, json.GetProperty("file_format").GetString());
        Assert.Equal(3, json.GetProperty("n").GetInt32());
        Assert.Equal(1.0, Number(json, "roc_auc"));
    }

    [Fact]
    public void Eval_DelimiterOption_OverridesDetection()
    {
        // The header has more commas than semicolons, but the file is semicolon-separated with decimal points.
        var path = files.File("d.csv", "label;score;note\n1;0.9;a,b,c\n0;0.2;d,e,f\n");

        JsonElement json = Json("eval", path, "--delimiter", ";", "--format", "json");
        var (exit, _, stderr) = CliRunner.Run("eval", path, "--delimiter", "ab");

        Assert.Equal(2, json.GetProperty("n").GetInt32());
        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: --delimiter is 'ab'; it must be one character (e.g. --delimiter ';' or --delimiter '|') or tab.{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Eval_ColumnNames_MatchedIgnoringCase()
    {
        var path = files.File("c.csv", "LABEL,Prob\n1,0.9\n0,0.2\n");

        JsonElement json = Json("eval", path, "--score-column", "prob", "--format", "json");

        Assert.Equal(("LABEL", "Prob"), (json.GetProperty("label_column").GetString(), json.GetProperty("score_column").GetString()));
    }

    [Fact]
    public void Eval_LabelColumnTwiceIgnoringCase_ErrorNamesBothPositions()
    {
        var path = files.File("c.csv", "label,score,Label\n1,0.9,1\n");

        var (exit, _, stderr) = CliRunner.Run("eval", path);

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, line 1, column 'label': columns 1 ('label') and 3 ('Label') both match the name 'label' (names are compared ignoring case). Rename one of the two columns so that the name is unique.{Environment.NewLine}", stderr);
    }

    [Theory]
    [InlineData("0.0", "1.0")]
    [InlineData("0", "1.0e0")]
    [InlineData("False", "True")]
    public void Eval_LabelsWrittenAsNumbersOrBooleans_AreOneAndZero(string negative, string positive)
    {
        var path = files.File("l.csv", $"label,score\n{positive},0.9\n{negative},0.2\n1,0.8\n{negative},0.7\n".Replace("\n1,", negative == "False" ? "\nTrue," : "\n1,", StringComparison.Ordinal));

        JsonElement json = Json("eval", path, "--format", "json");

        Assert.Equal((4, 2), (json.GetProperty("n").GetInt32(), json.GetProperty("positives").GetInt32()));
    }

    [Fact]
    public void Eval_MinusOneOneLabelsWithPositive_ComparedAsNumbers()
    {
        var path = files.File("l.csv", "label,score\n1,0.9\n-1,0.2\n1.0,0.8\n-1.0,0.1\n");

        JsonElement json = Json("eval", path, "--positive", "1", "--format", "json");
        var (exit, _, stderr) = CliRunner.Run("eval", path);

        Assert.Equal((4, 2), (json.GetProperty("n").GetInt32(), json.GetProperty("positives").GetInt32()));
        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, line 3, column 'label' (column 1): label '-1' is not 0/1 or true/false. Name the positive class with --positive VALUE (e.g. --positive -1).{Environment.NewLine}", stderr);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Eval_MissingSkip_TableAndMarkdownSayHowManyRows(string format)
    {
        var path = files.File("m.csv", "label,score\n1,0.9\n,0.2\n0,\n0,NaN\n0,0.3\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", path, "--missing", "skip", "--format", format);

        Assert.Equal((0, string.Empty), (exit, stderr));
        Assert.Contains("Skipped rows: 3 (missing label or score, --missing skip).", stdout, StringComparison.Ordinal);
        Assert.Contains("n = 2 (positives 1, negatives 1)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_PlainRowsFastPath_SameOutputAsEveryRowQuoted()
    {
        // Quoted fields send every row through the reader's full checks; plain ones take the fast path where they can.
        var random = new Random(7);
        var rows = Enumerable.Range(0, 3000).Select(i => (Label: i % 7 == 0 ? "1.0" : i % 3 == 0 ? " 1" : "0", Score: i % 500 == 0 ? "NaN" : i % 11 == 0 ? "2.5e-1" : random.NextDouble().ToString("R", CultureInfo.InvariantCulture))).ToList();
        var plain = files.File("plain.csv", "label,score\n" + string.Concat(rows.Select(r => $"{r.Label},{r.Score}\n")));
        var quoted = files.File("quoted.csv", "label,score\n" + string.Concat(rows.Select(r => $"\"{r.Label}\",\"{r.Score}\"\n")));

        var (plainExit, plainOut, plainErr) = CliRunner.Run("eval", plain, "--missing", "skip", "--format", "json");
        var (quotedExit, quotedOut, quotedErr) = CliRunner.Run("eval", quoted, "--missing", "skip", "--format", "json");

        Assert.Equal((0, string.Empty), (plainExit, plainErr));
        Assert.Equal((0, string.Empty), (quotedExit, quotedErr));
        Assert.Equal(quotedOut, plainOut);
        Assert.Equal(6, JsonOf((plainExit, plainOut, plainErr)).GetProperty("skipped_rows").GetInt32());
    }

    [Fact]
    public void Eval_EveryRowSkipped_Refused()
    {
        var path = files.File("m.csv", "label,score\n1,\n,0.2\n");

        var (exit, _, stderr) = CliRunner.Run("eval", path, "--missing", "skip");

        Assert.Equal(2, exit);
        Assert.Equal($"classicalml eval: {path}, line 1: every data row has a missing label or score (2 skipped by --missing skip), so there is nothing to evaluate. Check that the label and score columns are the right ones, or fill in the values.{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Eval_MarginsWithDefaultThreshold_OneLineHint()
    {
        var path = files.File("m.csv", "label,score\n1,2.5\n0,-1.2\n1,0.3\n");

        var (exit, stdout, stderr) = CliRunner.Run("eval", path, "--format", "json");
        var withThreshold = CliRunner.Run("eval", path, "--threshold", "0.5", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal($"classicalml eval: hint: some scores in column 'score' are outside [0, 1], so they look like margins (e.g. ML.NET's Score), not probabilities; with margins pass --threshold 0 (predict positive when the margin is >= 0).{Environment.NewLine}", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(string.Empty, withThreshold.Err);
    }

    [Fact]
    public void Eval_AboveExactCapacity_StreamsUnlessExact()
    {
        var random = new MathNet.Numerics.Random.MersenneTwister(11, threadSafe: false);
        var labels = new bool[5000];
        var scores = new double[labels.Length];
        var text = new StringBuilder("label,score\n");
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            scores[i] = Math.Round((labels[i] ? 0.25 : 0) + (0.75 * random.NextDouble()), 5);
            text.Append(labels[i] ? "1," : "0,").Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        var path = files.File("big.csv", text.ToString());
        var streaming = new StreamingBinaryEvaluator(exactCapacity: 1000);
        streaming.Add(labels, scores);
        BinaryReport approximate = streaming.ToReport();
        BinaryReport exact = BinaryEvaluation.Evaluate(labels, scores);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        JsonElement json = JsonOf((CliApp.Run(["eval", path, "--format", "json"], stdout, stderr, exactCapacity: 1000), stdout.ToString(), stderr.ToString()));
        using var exactOut = new StringWriter();
        JsonElement forced = JsonOf((CliApp.Run(["eval", path, "--exact", "--format", "json"], exactOut, stderr, exactCapacity: 1000), exactOut.ToString(), stderr.ToString()));

        Assert.False(json.GetProperty("ranking_exact").GetBoolean());
        Assert.Equal(approximate.RocAuc, Number(json, "roc_auc"));
        Assert.Equal(approximate.RocAucErrorBound, Number(json, "roc_auc_error_bound"));
        Assert.Equal(approximate.AveragePrecision, Number(json, "average_precision"));
        Assert.True(forced.GetProperty("ranking_exact").GetBoolean());
        Assert.Equal(exact.RocAuc, Number(forced, "roc_auc"));
        Assert.Equal(exact.AveragePrecision, Number(forced, "average_precision"));
        Assert.Equal(exact.Mcc, Number(json, "mcc"));
    }

    [Fact]
    public void EvalHelp_DocumentsEveryOptionWithAnExample()
    {
        var (exit, stdout, _) = CliRunner.Run("eval", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--label-column", "--score-column", "--predicted-column", "--score-columns", "--score-prefix", "--positive", "--threshold", "--delimiter", "--missing", "--zero-division", "--exact", "--format", "--curves" })
        {
            var line = stdout.Split('\n').Single(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
            Assert.Contains("Example: ", stdout[stdout.IndexOf(line, StringComparison.Ordinal)..].Split("\n  -", 2)[0], StringComparison.Ordinal);
        }

        Assert.Contains("Examples:", stdout, StringComparison.Ordinal);
    }

    private static async Task WriteOneRowGroup(string path, DataField[] fields, Func<ParquetRowGroupWriter, Task> write)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await write(group);
    }

    private static async Task WriteParquet(string path, int?[] labels, float?[] scores, int rowGroup)
    {
        var label = new DataField<int?>("label");
        var score = new DataField<float?>("score");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(label, score), stream);
        for (var start = 0; start < labels.Length; start += rowGroup)
        {
            var n = Math.Min(rowGroup, labels.Length - start);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(label, new ReadOnlyMemory<int?>(labels[start..(start + n)]));
            await group.WriteAsync(score, new ReadOnlyMemory<float?>(scores[start..(start + n)]));
        }
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float Size { get; set; }

        public string Colour { get; set; } = string.Empty;
    }
}
