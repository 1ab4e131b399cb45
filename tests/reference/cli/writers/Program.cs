using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

// Usage: dotnet run -c Release --project tests/reference/cli/writers -- FOLDER
// Reads FOLDER/pandas_comma.csv and FOLDER/pandas_missing.csv (written by make_eval_fixtures.py) and writes
//   predictions.parquet           label Boolean, score double, two row groups (Parquet.Net)
//   predictions_nullable.parquet  label nullable int32, score nullable double: null and NaN where pandas wrote an empty cell
//   mlnet_saveastext.tsv          a logistic regression's scored data, mlContext.Data.SaveAsText with default settings
//   mlnet_svm_saveastext.tsv      a linear SVM's (Score only, no Probability), same settings
var folder = args.Length > 0 ? args[0] : throw new ArgumentException("Pass the fixture folder.");
await WriteParquet(folder);
WriteMlNet(folder);
return 0;

static async Task WriteParquet(string folder)
{
    var (labels, scores) = ReadCsv(Path.Combine(folder, "pandas_comma.csv"));
    var label = new DataField<bool>("label");
    var score = new DataField<double>("score");
    await using (var stream = File.Create(Path.Combine(folder, "predictions.parquet")))
    await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(label, score), stream))
    {
        for (var start = 0; start < labels.Length; start += 150)
        {
            var n = Math.Min(150, labels.Length - start);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(label, new ReadOnlyMemory<bool>([.. labels.Skip(start).Take(n).Select(l => l == 1)]));
            await group.WriteAsync(score, new ReadOnlyMemory<double>([.. scores.Skip(start).Take(n)]));
        }
    }

    var (mLabels, mScores) = ReadCsv(Path.Combine(folder, "pandas_missing.csv"));
    var nullableLabel = new DataField<int?>("Label");
    var nullableScore = new DataField<double?>("score");
    await using (var stream = File.Create(Path.Combine(folder, "predictions_nullable.parquet")))
    await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(nullableLabel, nullableScore), stream))
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(nullableLabel, new ReadOnlyMemory<int?>([.. mLabels.Select(l => double.IsNaN(l) ? (int?)null : (int)l)]));
        // Missing scores alternate between null and NaN: both are missing values.
        await group.WriteAsync(nullableScore, new ReadOnlyMemory<double?>([.. mScores.Select((s, i) => double.IsNaN(s) && i % 2 == 0 ? (double?)null : s)]));
    }
}

static (double[] Labels, double[] Scores) ReadCsv(string path)
{
    var labels = new List<double>();
    var scores = new List<double>();
    using var reader = Sep.Reader().FromFile(path);
    foreach (var row in reader)
    {
        labels.Add(Number(row["label"].Span));
        scores.Add(Number(row["score"].Span));
    }

    return ([.. labels], [.. scores]);

    static double Number(ReadOnlySpan<char> text) => text.IsEmpty ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

static void WriteMlNet(string folder)
{
    var ml = new MLContext(seed: 0);
    var random = new Random(14);
    var rows = Enumerable.Range(0, 200).Select(_ =>
    {
        var positive = random.NextDouble() < 0.35;
        return new Row { Label = positive, Age = (float)Math.Round(30 + (20 * random.NextDouble()) + (positive ? 8 : 0), 1), Income = (float)Math.Round(random.NextDouble(), 3) };
    }).ToList();
    var data = ml.Data.LoadFromEnumerable(rows);
    var features = ml.Transforms.Concatenate("Features", nameof(Row.Age), nameof(Row.Income)).Append(ml.Transforms.NormalizeMeanVariance("Features"));
    var logistic = features.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()).Fit(data).Transform(data);
    using (var stream = File.Create(Path.Combine(folder, "mlnet_saveastext.tsv")))
    {
        ml.Data.SaveAsText(logistic, stream);
    }

    var svm = features.Append(ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 10)).Fit(data).Transform(data);
    using (var stream = File.Create(Path.Combine(folder, "mlnet_svm_saveastext.tsv")))
    {
        ml.Data.SaveAsText(svm, stream);
    }
}

internal sealed class Row
{
    public bool Label { get; set; }

    public float Age { get; set; }

    public float Income { get; set; }
}
