using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>eval --weight-column W</c> in the multiclass modes (<c>--predicted-column</c>, <c>--score-columns</c> /
/// <c>--score-prefix</c>): finds and checks the weight column, and rewrites the JSON output as the binary mode does
/// (<see cref="WeightedEval"/>): <c>"is_weighted": true</c> (not <c>"weighted"</c>, which multiclass JSON already uses for the
/// support-weighted averages), <c>weight_column</c>, <c>total_weight</c>, each class's
/// <c>support</c> the weighted support (its rows in <c>row_support</c>), the confusion matrix as sums of weights (its rows
/// in <c>row_counts</c>); <c>n</c> stays the row count.
/// </summary>
/// <remarks>Kept apart from the unweighted paths so that they run exactly as before. In score mode the weight is read as
/// one more column of the same pass (so --missing skip drops a row's label, scores and weight together); with
/// --predicted-column it is read in a second pass, as in binary mode, so there --missing skip is refused.</remarks>
internal static class WeightedMulticlassEval
{
    /// <summary>The index of the weight column, refused when it is the label or one of <paramref name="used"/>.</summary>
    public static int Column(PredictionFile file, string name, int label, IEnumerable<int> used)
    {
        int weight = ColumnChoice.Find(file, name, "--weight-column", "Name the weight column with --weight-column COLUMN.");
        if (weight == label || used.Contains(weight))
        {
            throw file.ColumnError(weight, "the weight column is also the label, predicted-label or a score column", "Name a separate column of row weights with --weight-column.");
        }

        return weight;
    }

    /// <summary>With --predicted-column: the weights of the <paramref name="expected"/> rows, in file order, from a second reading of the file.</summary>
    /// <exception cref="ClassicalML.Data.DataFormatException">A weight is missing, not a number, negative or infinite, or all weights are 0.</exception>
    public static double[] ReadWeights(string path, char? delimiter, int label, int weight, IEnumerable<string> labels, long expected)
    {
        using var file = PredictionFile.Open(path, delimiter); // the readers go forward only: open the file again
        var rows = new ScoreRows(labels.Distinct(StringComparer.Ordinal).ToList(), skipMissing: false, scoreCount: 0, weighted: true);
        file.ReadScores(label, [weight], rows);
        if (rows.Weights.Count != expected)
        {
            throw file.ColumnError(weight, Invariant($"the weight column has {rows.Weights.Count} rows but the label columns {expected}"), "Check the file: every row needs a label, a predicted label and a weight.");
        }

        return CheckNotAllZero(file, weight, rows.Weights);
    }

    /// <summary>The weights, refused when every one is 0 (naming the column).</summary>
    public static double[] CheckNotAllZero(PredictionFile file, int weight, List<double> weights)
    {
        if (!weights.Any(w => w > 0))
        {
            throw file.ColumnError(weight, "every weight is 0, so no row counts", "Give the rows to evaluate a positive weight.");
        }

        return [.. weights];
    }

    /// <summary>The weighted line of the table and markdown outputs.</summary>
    public static string SummaryLine(string weightColumn, MulticlassReport<string> r) =>
        Invariant($"Weighted by column '{weightColumn}' (total weight {D(r.TotalWeight)}): every metric is weighted and Support is the weighted support (the confusion table counts rows).");

    /// <summary>The multiclass JSON output (either mode) with the weighted fields; everything else as the unweighted output writes it.</summary>
    public static string Json(string json, string weightColumn, MulticlassReport<string> r)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        int at = root.IndexOf("n");
        root.Insert(at, "is_weighted", true); // "weighted" is already the weighted average's key in multiclass JSON
        root.Insert(at + 1, "weight_column", weightColumn);
        root.Insert(at + 3, "total_weight", r.TotalWeight);
        var classes = root["classes"]!.AsArray();
        for (int i = 0; i < classes.Count; i++)
        {
            var c = classes[i]!.AsObject();
            c["support"] = r.PerClass[i].WeightedSupport;
            c.Insert(c.IndexOf("support") + 1, "row_support", r.PerClass[i].Support);
        }

        var confusion = root["confusion"]!.AsObject();
        var matrix = new JsonArray();
        var counts = new JsonArray();
        for (int i = 0; i < r.Labels.Count; i++)
        {
            matrix.Add(new JsonArray([.. Enumerable.Range(0, r.Labels.Count).Select(j => (JsonNode?)JsonValue.Create(r.ConfusionMatrix.Weight(i, j)))]));
            counts.Add(new JsonArray([.. Enumerable.Range(0, r.Labels.Count).Select(j => (JsonNode?)JsonValue.Create(r.ConfusionMatrix[i, j]))]));
        }

        confusion["matrix"] = matrix;
        confusion["row_counts"] = counts;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>A support as the table and markdown outputs show it: the row count, or the weighted support.</summary>
    public static string Support(MulticlassReport<string> r, ClassMetrics<string>? c) =>
        c is null ? (r.IsWeighted ? D(r.TotalWeight) : r.N.ToString(CultureInfo.InvariantCulture))
            : r.IsWeighted ? D(c.WeightedSupport) : c.Support.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
