using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>eval --weight-column W</c> in binary mode: reads the weight column in a second pass over the file (as the score
/// column of a second binary read, so every format's reader serves it unchanged), checks the weights, evaluates with
/// <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>
/// and rewrites the JSON output: <c>"weighted": true</c>, <c>weight_column</c>, and positives, negatives and the confusion
/// cells as sums of weights (the weighted support); <c>n</c> and <c>row_counts</c> stay numbers of rows.
/// </summary>
/// <remarks>Kept apart from the unweighted path so that path runs exactly as before. Every row is kept (17 bytes a row):
/// weighted ranking metrics are always exact. With --missing error only, so both passes see the same rows.</remarks>
internal static class WeightedEval
{
    /// <summary>The weights of the <paramref name="expected"/> rows, in file order, from a second reading of the file.</summary>
    /// <exception cref="ClassicalML.Data.DataFormatException">A weight is missing, not a number, negative or infinite, or all weights are 0.</exception>
    public static double[] ReadWeights(string path, char? delimiter, int label, int weight, string? positive, long expected)
    {
        var (file, weights) = ReadColumn(path, delimiter, label, weight, positive, expected, "weight");
        using var opened = file;

        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0))
            {
                throw opened.ColumnError(weight, Invariant($"data row {i + 1} has weight {weights[i].ToString("R", CultureInfo.InvariantCulture)}; every weight must be a finite number of at least 0"), "Correct the weight (0 leaves the row out).");
            }
        }

        if (!weights.Any(w => w > 0))
        {
            throw opened.ColumnError(weight, "every weight is 0, so no row counts", "Give the rows to evaluate a positive weight.");
        }

        return weights;
    }

    /// <summary>A second numeric column (weights, or a second model's scores) of the <paramref name="expected"/> rows, in
    /// file order, from a second reading of the file; the file is returned open for error messages (dispose it).</summary>
    /// <exception cref="ClassicalML.Data.DataFormatException">A value is missing, not a number or infinite, or the rows differ in number.</exception>
    public static (PredictionFile File, double[] Values) ReadColumn(string path, char? delimiter, int label, int column, string? positive, long expected, string valueName)
    {
        var file = PredictionFile.Open(path, delimiter); // the readers go forward only: open the file again
        try
        {
            var collector = new BinaryCollector(0.5, ZeroDivision.Zero, int.MaxValue, exact: true, file.ExpectedRows, file.RowsKnown);
            var rows = new BinaryRows(new BinaryLabelRule(positive), skipMissing: false, collector, valueName: valueName);
            file.ReadBinary(label, column, rows);
            double[] values = collector.Rows().Scores.ToArray();
            if (values.Length != expected)
            {
                throw file.ColumnError(column, Invariant($"the {valueName} column has {values.Length} rows but the score column {expected}"), $"Check the file: every row needs a label, a score and a {valueName}.");
            }

            return (file, values);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The weighted line of the table and markdown outputs (their confusion tables count rows).</summary>
    public static string SummaryLine(string weightColumn, BinaryReport r)
    {
        ConfusionWeights w = r.WeightedCounts!;
        return Invariant($"Weighted by column '{weightColumn}' (total weight {D(w.Total)}): every metric is weighted; weighted support: positives {D(w.Positives)}, negatives {D(w.Negatives)}; weighted confusion: tp {D(w.TruePositives)}, fp {D(w.FalsePositives)}, tn {D(w.TrueNegatives)}, fn {D(w.FalseNegatives)} (the confusion table counts rows).");
    }

    /// <summary>The binary JSON output with the weighted fields; everything else as the unweighted output writes it.</summary>
    public static string Json(string json, string weightColumn, BinaryReport r)
    {
        ConfusionWeights w = r.WeightedCounts!;
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        int at = root.IndexOf("n");
        root.Insert(at, "weighted", true);
        root.Insert(at + 1, "weight_column", weightColumn);
        root["positives"] = w.Positives;
        root["negatives"] = w.Negatives;
        root["confusion"] = new JsonObject { ["tp"] = w.TruePositives, ["fp"] = w.FalsePositives, ["tn"] = w.TrueNegatives, ["fn"] = w.FalseNegatives };
        root.Insert(root.IndexOf("confusion") + 1, "row_counts", new JsonObject
        {
            ["positives"] = r.Positives, ["negatives"] = r.Negatives, ["tp"] = r.TruePositives, ["fp"] = r.FalsePositives, ["tn"] = r.TrueNegatives, ["fn"] = r.FalseNegatives,
        });
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string D(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
