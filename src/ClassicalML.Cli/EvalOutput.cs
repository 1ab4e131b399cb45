using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClassicalML.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClassicalML.Cli;

/// <summary>Renders evaluation reports as JSON (snake_case keys, null for undefined), a Spectre.Console table, or markdown.</summary>
internal static partial class EvalOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The binary report's metrics in output order: JSON key, table label, value.</summary>
    private static (string Key, string Label, double? Value)[] BinaryMetrics(BinaryReport r) =>
    [
        ("accuracy", "Accuracy", r.Accuracy),
        ("precision", "Precision", r.Precision),
        ("recall", "Recall", r.Recall),
        ("specificity", "Specificity", r.Specificity),
        ("f1", "F1", r.F1),
        ("balanced_accuracy", "Balanced accuracy", r.BalancedAccuracy),
        ("mcc", "MCC", r.Mcc),
        ("roc_auc", "ROC AUC", r.RocAuc),
        ("average_precision", "Average precision", r.AveragePrecision),
        ("log_loss", "Log loss", r.LogLoss),
        ("brier", "Brier score", r.BrierScore),
    ];

    public static string BinaryJson(EvalSummary info, BinaryReport r, RocCurve? roc, PrecisionRecallCurve? pr) => Json(w =>
    {
        w.WriteString("task", "binary");
        Summary(w, info, "score_column");
        w.WriteNumber("n", r.N);
        w.WriteNumber("positives", r.Positives);
        w.WriteNumber("negatives", r.Negatives);
        Number(w, "threshold", r.Threshold);
        w.WriteString("threshold_reason", info.Threshold);
        BinaryConfusionJson(w, r);
        foreach (var (key, _, value) in BinaryMetrics(r))
        {
            Number(w, key, value);
        }

        w.WriteBoolean("ranking_exact", r.IsExact);
        Number(w, "roc_auc_error_bound", r.RocAucErrorBound);
        Number(w, "average_precision_error_bound", r.AveragePrecisionErrorBound);
        Undefined(w, BinaryUndefined(r));
        if (roc is not null && pr is not null)
        {
            CurvesJson(w, roc, pr);
        }
    });

    private static void BinaryConfusionJson(Utf8JsonWriter w, BinaryReport r)
    {
        w.WriteStartObject("confusion");
        w.WriteNumber("tp", r.TruePositives);
        w.WriteNumber("fp", r.FalsePositives);
        w.WriteNumber("tn", r.TrueNegatives);
        w.WriteNumber("fn", r.FalseNegatives);
        w.WriteEndObject();
    }

    private static void CurvesJson(Utf8JsonWriter w, RocCurve roc, PrecisionRecallCurve pr)
    {
        w.WriteStartObject("roc_curve");
        Numbers(w, "fpr", roc.FalsePositiveRates);
        Numbers(w, "tpr", roc.TruePositiveRates);
        Numbers(w, "thresholds", roc.Thresholds);
        w.WriteEndObject();
        w.WriteStartObject("pr_curve");
        Numbers(w, "precision", pr.Precisions);
        Numbers(w, "recall", pr.Recalls);
        Numbers(w, "thresholds", pr.Thresholds);
        w.WriteEndObject();
    }

    public static string BinaryTable(string path, EvalSummary info, BinaryReport r, RocCurve? roc, PrecisionRecallCurve? pr) => Render(BinaryTitle(path, r), info.Lines(), console =>
    {
        var confusion = new Table().AddColumn(new TableColumn(string.Empty)).AddColumn(new TableColumn(new Text("predicted +")).RightAligned()).AddColumn(new TableColumn(new Text("predicted -")).RightAligned());
        confusion.AddRow(new Text("actual +"), Right(Count(r.TruePositives)), Right(Count(r.FalseNegatives)));
        confusion.AddRow(new Text("actual -"), Right(Count(r.FalsePositives)), Right(Count(r.TrueNegatives)));
        console.Write(confusion);
        var metrics = new Table().AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        foreach (var (_, label, value) in BinaryMetrics(r))
        {
            metrics.AddRow(new Text(label), Right(Format(value)));
        }

        console.Write(metrics);
        WriteNotes(console, r.IsExact ? [] : [ApproximationNote(r, info)], BinaryUndefined(r));
        if (roc is not null && pr is not null)
        {
            console.Write(CurveTable("ROC curve", ["threshold", "fpr", "tpr"], roc.Thresholds, roc.FalsePositiveRates, roc.TruePositiveRates));
            console.Write(CurveTable("Precision-recall curve", ["threshold", "precision", "recall"], pr.Thresholds, pr.Precisions, pr.Recalls));
        }
    });

    public static string BinaryMarkdown(string path, EvalSummary info, BinaryReport r, RocCurve? roc, PrecisionRecallCurve? pr)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(BinaryTitle(path, r)).Append("\n\n");
        MarkdownSummary(md, info.Lines());
        md.Append("|          | predicted + | predicted - |\n|----------|------------:|------------:|\n");
        md.Append(Invariant($"| actual + | {r.TruePositives} | {r.FalseNegatives} |\n| actual - | {r.FalsePositives} | {r.TrueNegatives} |\n\n"));
        md.Append("| Metric | Value |\n|--------|------:|\n");
        foreach (var (_, label, value) in BinaryMetrics(r))
        {
            md.Append("| ").Append(label).Append(" | ").Append(Format(value)).Append(" |\n");
        }

        if (!r.IsExact)
        {
            md.Append('\n').Append(ApproximationNote(r, info)).Append('\n');
        }

        MarkdownUndefined(md, BinaryUndefined(r));
        if (roc is not null && pr is not null)
        {
            MarkdownCurve(md, "ROC curve", ["threshold", "fpr", "tpr"], roc.Thresholds, roc.FalsePositiveRates, roc.TruePositiveRates);
            MarkdownCurve(md, "Precision-recall curve", ["threshold", "precision", "recall"], pr.Thresholds, pr.Precisions, pr.Recalls);
        }

        return md.ToString();
    }

    public static string MulticlassJson(EvalSummary info, MulticlassReport<string> r) => Json(w =>
    {
        w.WriteString("task", "multiclass");
        Summary(w, info, "predicted_column");
        w.WriteNumber("n", r.N);
        Number(w, "accuracy", r.Accuracy);
        ClassesJson(w, r, null);
        AveragesAndConfusionJson(w, r);
        Undefined(w, r.Undefined.Select(u => (u.Metric, u.Reason)));
    });

    /// <summary>The per-class array; with <paramref name="scores"/> (multiclass-from-scores mode) each class's ROC AUC and average precision too.</summary>
    private static void ClassesJson(Utf8JsonWriter w, MulticlassReport<string> r, IReadOnlyList<ClassScoreMetrics<string>>? scores)
    {
        w.WriteStartArray("classes");
        for (var i = 0; i < r.PerClass.Count; i++)
        {
            var c = r.PerClass[i];
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            Number(w, "precision", c.Precision);
            Number(w, "recall", c.Recall);
            Number(w, "f1", c.F1);
            w.WriteNumber("support", c.Support);
            if (scores is not null)
            {
                Number(w, "roc_auc", scores[i].RocAuc);
                Number(w, "average_precision", scores[i].AveragePrecision);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The macro, micro and weighted averages and the confusion matrix with its labels.</summary>
    private static void AveragesAndConfusionJson(Utf8JsonWriter w, MulticlassReport<string> r)
    {
        foreach (var (name, avg) in new[] { ("macro", r.Macro), ("micro", r.Micro), ("weighted", r.Weighted) })
        {
            w.WriteStartObject(name);
            Number(w, "precision", avg.Precision);
            Number(w, "recall", avg.Recall);
            Number(w, "f1", avg.F1);
            w.WriteEndObject();
        }

        w.WriteStartObject("confusion");
        w.WriteStartArray("labels");
        foreach (var label in r.Labels)
        {
            w.WriteStringValue(label);
        }

        w.WriteEndArray();
        w.WriteStartArray("matrix");
        foreach (var row in r.ConfusionMatrix.ToArray())
        {
            w.WriteStartArray();
            foreach (var count in row)
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string MulticlassTable(string path, EvalSummary info, MulticlassReport<string> r) => Render(MulticlassTitle(path, r), info.Lines(), console =>
    {
        console.Write(ClassTable(r, null));
        console.Write(ConfusionTable(r));
        WriteNotes(console, [], r.Undefined.Select(u => (u.Metric, u.Reason)));
    });

    /// <summary>One row per class and the averages; with <paramref name="scores"/> the ROC AUC and AP columns too.</summary>
    private static Table ClassTable(MulticlassReport<string> r, IReadOnlyList<ClassScoreMetrics<string>>? scores)
    {
        var table = new Table().AddColumn("Class").AddColumn(new TableColumn("Precision").RightAligned()).AddColumn(new TableColumn("Recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("Support").RightAligned());
        if (scores is not null)
        {
            table.AddColumn(new TableColumn("ROC AUC").RightAligned()).AddColumn(new TableColumn("AP").RightAligned());
        }

        for (var i = 0; i < r.PerClass.Count; i++)
        {
            var c = r.PerClass[i];
            IRenderable[] cells = [new Text(c.Label), Right(Format(c.Precision)), Right(Format(c.Recall)), Right(Format(c.F1)), Right(r.IsWeighted ? WeightedMulticlassEval.Support(r, c) : Count(c.Support))];
            table.AddRow(scores is null ? cells : [.. cells, Right(Format(scores[i].RocAuc)), Right(Format(scores[i].AveragePrecision))]);
        }

        foreach (var (name, avg) in new[] { ("macro avg", r.Macro), ("micro avg", r.Micro), ("weighted avg", r.Weighted) })
        {
            IRenderable[] cells = [new Text(name), Right(Format(avg.Precision)), Right(Format(avg.Recall)), Right(Format(avg.F1)), Right(r.IsWeighted ? WeightedMulticlassEval.Support(r, null) : Count(r.N))];
            table.AddRow(scores is null ? cells : [.. cells, new Text(string.Empty), new Text(string.Empty)]);
        }

        return table;
    }

    private static Table ConfusionTable(MulticlassReport<string> r)
    {
        var matrix = new Table().AddColumn(new TableColumn(new Text("actual \\ predicted")));
        foreach (var label in r.Labels)
        {
            matrix.AddColumn(new TableColumn(new Text(label)).RightAligned());
        }

        var counts = r.ConfusionMatrix.ToArray();
        for (var i = 0; i < counts.Length; i++)
        {
            matrix.AddRow([new Text(r.Labels[i]), .. counts[i].Select(x => Right(Count(x)))]);
        }

        return matrix;
    }

    public static string MulticlassMarkdown(string path, EvalSummary info, MulticlassReport<string> r)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(MulticlassTitle(path, r)).Append("\n\n");
        MarkdownSummary(md, info.Lines());
        MarkdownClasses(md, r, null);
        MarkdownConfusion(md, r);
        MarkdownUndefined(md, r.Undefined.Select(u => (u.Metric, u.Reason)));
        return md.ToString();
    }

    private static void MarkdownClasses(StringBuilder md, MulticlassReport<string> r, IReadOnlyList<ClassScoreMetrics<string>>? scores)
    {
        md.Append(scores is null
            ? "| Class | Precision | Recall | F1 | Support |\n|-------|----------:|-------:|---:|--------:|\n"
            : "| Class | Precision | Recall | F1 | Support | ROC AUC | AP |\n|-------|----------:|-------:|---:|--------:|--------:|---:|\n");
        for (var i = 0; i < r.PerClass.Count; i++)
        {
            var c = r.PerClass[i];
            md.Append(Invariant($"| {Cell(c.Label)} | {Format(c.Precision)} | {Format(c.Recall)} | {Format(c.F1)} | {WeightedMulticlassEval.Support(r, c)} |"));
            md.Append(scores is null ? "\n" : $" {Format(scores[i].RocAuc)} | {Format(scores[i].AveragePrecision)} |\n");
        }

        foreach (var (name, avg) in new[] { ("macro avg", r.Macro), ("micro avg", r.Micro), ("weighted avg", r.Weighted) })
        {
            md.Append(Invariant($"| {name} | {Format(avg.Precision)} | {Format(avg.Recall)} | {Format(avg.F1)} | {WeightedMulticlassEval.Support(r, null)} |")).Append(scores is null ? "\n" : "  |  |\n");
        }
    }

    private static void MarkdownConfusion(StringBuilder md, MulticlassReport<string> r)
    {
        md.Append("\n| actual \\ predicted | ").Append(string.Join(" | ", r.Labels.Select(Cell))).Append(" |\n");
        md.Append("|---|").Append(string.Concat(r.Labels.Select(_ => "---:|"))).Append('\n');
        var counts = r.ConfusionMatrix.ToArray();
        for (var i = 0; i < counts.Length; i++)
        {
            md.Append("| ").Append(Cell(r.Labels[i])).Append(" | ").Append(string.Join(" | ", counts[i].Select(Count))).Append(" |\n");
        }
    }

    /// <summary>The binary report's undefined metrics with snake_case names; F-beta is not output, so it is not listed.</summary>
    private static IEnumerable<(string Metric, string Reason)> BinaryUndefined(BinaryReport r) =>
        r.Undefined.Where(u => u.Metric != nameof(BinaryReport.FBeta)).Select(u => (SnakeCase(u.Metric), u.Reason));

    private static string SnakeCase(string metric) => metric switch
    {
        nameof(BinaryReport.BrierScore) => "brier",
        _ => string.Concat(metric.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(ch) : ch.ToString())),
    };

    private static string BinaryTitle(string path, BinaryReport r) =>
        Invariant($"Binary evaluation of {path}: n = {r.N} (positives {r.Positives}, negatives {r.Negatives}), score >= {Format(r.Threshold, "R")} is positive");

    private static string MulticlassTitle(string path, MulticlassReport<string> r) =>
        Invariant($"Multiclass evaluation of {path}: n = {r.N}, {r.Labels.Count} classes, accuracy {Format(r.Accuracy)}");

    private static string ApproximationNote(BinaryReport r, EvalSummary info) =>
        Invariant($"ROC AUC and average precision come from a score histogram (more than {info.ExactCapacity} rows; --exact computes them exactly): within ±{r.RocAucErrorBound:G3} and ±{r.AveragePrecisionErrorBound:G3} of the exact values.");

    /// <summary>What was read and how: file format, columns, threshold, skipped rows, zero-division policy.</summary>
    private static void Summary(Utf8JsonWriter w, EvalSummary info, string otherKey)
    {
        w.WriteString("file_format", info.FileFormat);
        w.WriteString("label_column", info.LabelColumn);
        w.WriteString(otherKey, info.OtherColumn);
        w.WriteNumber("skipped_rows", info.SkippedRows ?? 0);
        w.WriteString("zero_division", info.ZeroDivisionName);
    }

    private static void MarkdownSummary(StringBuilder md, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            md.Append(line).Append("\n\n");
        }
    }

    private static void WriteNotes(IAnsiConsole console, IEnumerable<string> notes, IEnumerable<(string Metric, string Reason)> undefined)
    {
        foreach (var note in notes)
        {
            console.Write(new Text(note + Environment.NewLine));
        }

        var list = undefined.ToList();
        if (list.Count > 0)
        {
            console.Write(new Text("Undefined:" + Environment.NewLine));
            foreach (var (metric, reason) in list)
            {
                console.Write(new Text($"  {metric}: {reason}{Environment.NewLine}"));
            }
        }
    }

    private static void MarkdownUndefined(StringBuilder md, IEnumerable<(string Metric, string Reason)> undefined)
    {
        var list = undefined.ToList();
        if (list.Count > 0)
        {
            md.Append("\nUndefined:\n\n");
            foreach (var (metric, reason) in list)
            {
                md.Append("- `").Append(metric).Append("`: ").Append(reason).Append('\n');
            }
        }
    }

    private static Table CurveTable(string title, string[] columns, IReadOnlyList<double> first, IReadOnlyList<double> second, IReadOnlyList<double> third)
    {
        var table = new Table { Title = new TableTitle(title) };
        foreach (var c in columns)
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }

        for (var i = 0; i < first.Count; i++)
        {
            table.AddRow(Right(Format(first[i], "R")), Right(Format(second[i])), Right(Format(third[i])));
        }

        return table;
    }

    private static void MarkdownCurve(StringBuilder md, string title, string[] columns, IReadOnlyList<double> first, IReadOnlyList<double> second, IReadOnlyList<double> third)
    {
        md.Append("\n### ").Append(title).Append("\n\n| ").Append(string.Join(" | ", columns)).Append(" |\n|").Append(string.Concat(columns.Select(_ => "---:|"))).Append('\n');
        for (var i = 0; i < first.Count; i++)
        {
            md.Append("| ").Append(Format(first[i], "R")).Append(" | ").Append(Format(second[i])).Append(" | ").Append(Format(third[i])).Append(" |\n");
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Undefined(Utf8JsonWriter w, IEnumerable<(string Metric, string Reason)> undefined)
    {
        w.WriteStartArray("undefined");
        foreach (var (metric, reason) in undefined)
        {
            w.WriteStartObject();
            w.WriteString("metric", metric);
            w.WriteString("reason", reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A number, or null when it is NaN, infinite or absent (JSON has no NaN or infinity).</summary>
    private static void Number(Utf8JsonWriter w, string key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(key, v);
        }
        else
        {
            w.WriteNull(key);
        }
    }

    private static void Numbers(Utf8JsonWriter w, string key, IReadOnlyList<double> values)
    {
        w.WriteStartArray(key);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                w.WriteNumberValue(v);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>The title as a plain line (long paths must not wrap), then what <paramref name="draw"/> renders.</summary>
    private static string Render(string title, IEnumerable<string> lines, Action<IAnsiConsole> draw)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine(title);
        foreach (var line in lines)
        {
            text.WriteLine(line);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 120;
        draw(console);
        return text.ToString();
    }

    private static IRenderable Right(string text) => new Text(text) { Justification = Justify.Right };

    private static string Format(double? value, string format = "0.0000") => value switch
    {
        null => "undefined",
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        { } v when double.IsNaN(v) => "undefined",
        { } v => v.ToString(format, CultureInfo.InvariantCulture),
    };

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
