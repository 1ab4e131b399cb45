using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClassicalML.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClassicalML.Cli;

/// <summary>The sections of <see cref="EvalExtraOptions"/> (operating point, calibration, ROC AUC interval, comparison)
/// added to an already rendered binary report, so the report's own rendering is unchanged without them.</summary>
internal static partial class EvalOutput
{
    /// <summary>The report <paramref name="text"/> in <paramref name="format"/> with the sections of <paramref name="x"/>.</summary>
    public static string WithExtras(string text, string format, EvalExtrasResult x) => format switch
    {
        "json" => ExtrasJson(text, x),
        "markdown" => text + ExtrasMarkdown(x),
        _ => text + ExtrasTable(x),
    };

    private static string ExtrasJson(string json, EvalExtrasResult x)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        int at = root.IndexOf("undefined");
        void Add(string key, JsonNode? value) => root.Insert(at++, key, value);
        if (x.Request.OperatingPoint is { } rule)
        {
            Add("operating_point", x.Point is { } p ? PointJson(rule, p, x.OtherScale) : null);
        }

        if (x.Calibration is { } c)
        {
            Add("calibration", new JsonObject
            {
                ["bins"] = x.Request.Bins, ["strategy"] = c.Strategy == CalibrationBinning.Quantile ? "quantile" : "uniform",
                ["prob_true"] = Array(c.FractionPositive), ["prob_pred"] = Array(c.MeanPredicted), ["counts"] = new JsonArray([.. c.Bins.Select(BinCountJson)]),
                ["ece"] = N(c.ExpectedCalibrationError), ["mce"] = N(c.MaximumCalibrationError), ["brier"] = N(c.BrierScore.Brier),
                ["brier_reliability"] = N(c.BrierScore.Reliability), ["brier_resolution"] = N(c.BrierScore.Resolution), ["brier_uncertainty"] = N(c.BrierScore.Uncertainty),
            });
        }

        if (x.AucInterval is { } ci)
        {
            Add("roc_auc_ci", new JsonObject { ["low"] = N(ci.Lower), ["high"] = N(ci.Upper), ["method"] = DeLongAucInterval.MethodName, ["confidence"] = ci.Confidence, ["standard_error"] = N(ci.StandardError) });
        }

        if (x.Comparison is { } d)
        {
            Add("comparison", ComparisonJson(x, d));
        }

        var undefined = root["undefined"]!.AsArray();
        foreach (var (metric, reason) in x.Undefined())
        {
            undefined.Add(new JsonObject { ["metric"] = metric, ["reason"] = reason });
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject PointJson(OperatingPointRule rule, ThresholdChoice p, OtherScaleThreshold? other)
    {
        var o = new JsonObject { ["rule"] = rule.Text, ["threshold"] = N(p.Threshold) };
        if (other is { } s)
        {
            // The same rank cut on the model's other scale; exact = every row decided alike (see ThresholdSelection.OnOtherScale).
            o[s.Prefix + "_threshold"] = N(s.Threshold.Threshold);
            o[s.Prefix + "_threshold_exact"] = s.Threshold.IsExact;
            o[s.Prefix + "_threshold_disagreements"] = s.Threshold.Disagreements;
        }

        o["tp"] = N(p.TruePositives);
        o["fp"] = N(p.FalsePositives);
        o["tn"] = N(p.TrueNegatives);
        o["fn"] = N(p.FalseNegatives);
        o["precision"] = N(p.Precision);
        o["recall"] = N(p.Recall);
        o["fpr"] = N(p.FalsePositiveRate);
        o["f1"] = N(p.F1);
        o[rule.ValueName] = N(p.Value);
        return o;
    }

    private static (string Label, string Value)[] OtherScaleRow(OtherScaleThreshold? other) => other is not { } s ? [] :
    [
        (s.Prefix == "raw" ? "Raw-score threshold (Score)" : "Probability threshold",
            Format(s.Threshold.Threshold, "R") + (s.Threshold.IsExact ? " (same decisions)" : Invariant($" ({s.Threshold.Disagreements} rows decide differently: the calibrator ties across the cut)"))),
    ];

    private static JsonObject ComparisonJson(EvalExtrasResult x, DeLongTest d)
    {
        var o = new JsonObject
        {
            ["score_column_b"] = x.Request.CompareColumn, ["method"] = DeLongTest.MethodName, ["confidence"] = d.Confidence,
            ["roc_auc_a"] = N(d.AucA), ["roc_auc_b"] = N(d.AucB), ["difference"] = N(d.Difference), ["standard_error"] = N(d.StandardError),
            ["z"] = N(d.Z), ["p_value"] = N(d.PValue), ["ci_low"] = N(d.Lower), ["ci_high"] = N(d.Upper),
        };
        o["mcnemar"] = x.Decisions is not { } m ? null : new JsonObject
        {
            ["threshold_a"] = N(m.ThresholdA), ["threshold_b"] = N(m.ThresholdB),
            ["both_correct"] = m.Test.BothCorrect, ["b"] = m.Test.OnlyACorrect, ["c"] = m.Test.OnlyBCorrect, ["both_wrong"] = m.Test.BothWrong,
            ["p_value_exact"] = N(m.Test.ExactPValue), ["p_value_mid"] = N(m.Test.MidPValue), ["chi_square_corrected"] = N(m.Test.CorrectedChiSquare), ["p_value_chi_square_corrected"] = N(m.Test.CorrectedChiSquarePValue),
        };
        return o;
    }

    /// <summary>A bin's count: its rows, or the sum of its weights with --weight-column (as the weighted confusion cells).</summary>
    private static JsonNode BinCountJson(ReliabilityBin b) => b.Weight == b.Count ? b.Count : JsonValue.Create(b.Weight);

    private static string BinCount(ReliabilityBin b) => b.Weight == b.Count ? Count(b.Count) : Format(b.Weight, "0.######");

    private static JsonNode? N(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static JsonArray Array(IReadOnlyList<double> values) => new([.. values.Select(N)]);

    /// <summary>The sections as (title, rows of label and value) for the table and markdown outputs.</summary>
    private static IEnumerable<(string Title, (string Label, string Value)[] Rows)> ExtrasSections(EvalExtrasResult x)
    {
        if (x.Request.OperatingPoint is { } rule && x.Point is { } p)
        {
            yield return (Invariant($"Operating point ({rule.Text}): score >= {Format(p.Threshold, "R")} is positive"),
            [
                .. OtherScaleRow(x.OtherScale), ("TP", Format(p.TruePositives, "0.######")), ("FP", Format(p.FalsePositives, "0.######")), ("TN", Format(p.TrueNegatives, "0.######")), ("FN", Format(p.FalseNegatives, "0.######")),
                ("Precision", Format(p.Precision)), ("Recall", Format(p.Recall)), ("FPR", Format(p.FalsePositiveRate)), ("F1", Format(p.F1)),
                .. (rule.ValueName.Equals("f1", StringComparison.OrdinalIgnoreCase) ? [] : new[] { (rule.ValueName, Format(p.Value)) }), // max-f1's value is the F1 row
            ]);
        }

        if (x.AucInterval is { } ci)
        {
            yield return (Invariant($"ROC AUC {ci.Confidence * 100:0.##}% interval (DeLong)"), [("ROC AUC", Format(ci.Auc)), ("Low", Format(ci.Lower)), ("High", Format(ci.Upper)), ("Standard error", Format(ci.StandardError))]);
        }

        if (x.Comparison is { } d)
        {
            (string, string)[] mcnemar = x.Decisions is { } m
                ? [("McNemar thresholds A / B", $"{Format(m.ThresholdA, "R")} / {Format(m.ThresholdB, "R")}"), ("Only A right (b)", Count(m.Test.OnlyACorrect)), ("Only B right (c)", Count(m.Test.OnlyBCorrect)), ("McNemar exact p", Format(m.Test.ExactPValue))]
                : [];
            yield return (Invariant($"Comparison with score column '{x.Request.CompareColumn}' (DeLong paired, {d.Confidence * 100:0.##}% interval of A - B)"),
            [
                ("ROC AUC A", Format(d.AucA)), ("ROC AUC B", Format(d.AucB)), ("Difference A - B", Format(d.Difference)), ("Interval low", Format(d.Lower)), ("Interval high", Format(d.Upper)),
                ("z", Format(d.Z)), ("p-value", Format(d.PValue)), .. mcnemar,
            ]);
        }
    }

    private static string ExtrasTable(EvalExtrasResult x) => Render(string.Empty, [], console =>
    {
        foreach (var (title, rows) in ExtrasSections(x))
        {
            console.Write(new Text(title + Environment.NewLine));
            var table = new Table().AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
            foreach (var (label, value) in rows)
            {
                table.AddRow(new Text(label), Right(value));
            }

            console.Write(table);
        }

        if (x.Calibration is { } c)
        {
            console.Write(new Text(Invariant($"Reliability curve ({c.Strategy.ToString().ToLowerInvariant()} bins)") + Environment.NewLine));
            console.Write(CalibrationTable(c));
            console.Write(new Text(CalibrationSummary(c) + Environment.NewLine));
        }

        WriteNotes(console, [], x.Undefined());
    }).TrimStart('\r', '\n').TrimEnd() + Environment.NewLine;

    private static Table CalibrationTable(ReliabilityCurve c)
    {
        var table = new Table();
        foreach (var name in new[] { "bin", "count", "mean predicted", "fraction positive" })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        foreach (var b in c.Bins)
        {
            table.AddRow(new IRenderable[] { Right(Invariant($"[{Format(b.Lower)}, {Format(b.Upper)}]")), Right(BinCount(b)), Right(Format(b.MeanPredicted)), Right(Format(b.FractionPositive)) });
        }

        return table;
    }

    private static string CalibrationSummary(ReliabilityCurve c) =>
        Invariant($"ECE {Format(c.ExpectedCalibrationError)}, MCE {Format(c.MaximumCalibrationError)}; Brier {Format(c.BrierScore.Brier)} = reliability {Format(c.BrierScore.Reliability)} - resolution {Format(c.BrierScore.Resolution)} + uncertainty {Format(c.BrierScore.Uncertainty)} (+ within-bin terms).");

    private static string ExtrasMarkdown(EvalExtrasResult x)
    {
        var md = new StringBuilder();
        foreach (var (title, rows) in ExtrasSections(x))
        {
            md.Append("\n### ").Append(title).Append("\n\n| Metric | Value |\n|--------|------:|\n");
            foreach (var (label, value) in rows)
            {
                md.Append("| ").Append(label).Append(" | ").Append(value).Append(" |\n");
            }
        }

        if (x.Calibration is { } c)
        {
            md.Append(Invariant($"\n### Reliability curve ({c.Strategy.ToString().ToLowerInvariant()} bins)\n\n| bin | count | mean predicted | fraction positive |\n|---:|---:|---:|---:|\n"));
            foreach (var b in c.Bins)
            {
                md.Append(Invariant($"| [{Format(b.Lower)}, {Format(b.Upper)}] | {BinCount(b)} | {Format(b.MeanPredicted)} | {Format(b.FractionPositive)} |\n"));
            }

            md.Append('\n').Append(CalibrationSummary(c)).Append('\n');
        }

        MarkdownUndefined(md, x.Undefined());
        return md.ToString();
    }
}
