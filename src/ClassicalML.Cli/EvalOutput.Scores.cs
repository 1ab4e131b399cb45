using System.Globalization;
using System.Text;
using System.Text.Json;
using ClassicalML.Evaluation;
using Spectre.Console;

namespace ClassicalML.Cli;

/// <summary>The outputs of multiclass-from-scores mode (<c>--score-columns</c>, <c>--score-prefix</c>).</summary>
internal static partial class EvalOutput
{
    /// <summary>The score metrics in output order: JSON key, table label, value.</summary>
    private static (string Key, string Label, double? Value)[] ScoreMetrics(MulticlassScoreReport<string> r) =>
    [
        ("accuracy", "Accuracy (arg-max)", r.Predictions.Accuracy),
        ("roc_auc_ovr_macro", "ROC AUC one-vs-rest, macro", r.RocAucOvrMacro),
        ("roc_auc_ovr_weighted", "ROC AUC one-vs-rest, weighted", r.RocAucOvrWeighted),
        ("roc_auc_ovo_macro", "ROC AUC one-vs-one, macro", r.RocAucOvoMacro),
        ("roc_auc_ovo_weighted", "ROC AUC one-vs-one, weighted", r.RocAucOvoWeighted),
        ("log_loss", "Log loss", r.LogLoss),
        ("brier", "Brier score", r.BrierScore),
    ];

    public static string MulticlassScoresJson(EvalSummary info, MulticlassScoreReport<string> r, IReadOnlyList<string> scoreColumns) => Json(w =>
    {
        w.WriteString("task", "multiclass");
        w.WriteString("mode", "scores");
        w.WriteString("file_format", info.FileFormat);
        w.WriteString("label_column", info.LabelColumn);
        w.WriteStartArray("score_columns");
        foreach (var column in scoreColumns)
        {
            w.WriteStringValue(column);
        }

        w.WriteEndArray();
        w.WriteNumber("skipped_rows", info.SkippedRows ?? 0);
        w.WriteString("zero_division", info.ZeroDivisionName);
        w.WriteNumber("n", r.N);
        foreach (var (key, _, value) in ScoreMetrics(r))
        {
            Number(w, key, value);
        }

        w.WriteStartObject("top_k_accuracy");
        foreach (var (k, accuracy) in r.TopKAccuracy)
        {
            Number(w, k.ToString(CultureInfo.InvariantCulture), accuracy);
        }

        w.WriteEndObject();
        ClassesJson(w, r.Predictions, r.PerClass);
        AveragesAndConfusionJson(w, r.Predictions);
        Undefined(w, ScoreUndefined(r));
    });

    public static string MulticlassScoresTable(string path, EvalSummary info, MulticlassScoreReport<string> r) => Render(ScoresTitle(path, r), ScoresLines(info), console =>
    {
        var metrics = new Table().AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        foreach (var (label, value) in ScoreRowsOf(r))
        {
            metrics.AddRow(new Text(label), Right(Format(value)));
        }

        console.Write(metrics);
        console.Write(ClassTable(r.Predictions, r.PerClass));
        console.Write(ConfusionTable(r.Predictions));
        WriteNotes(console, [], ScoreUndefined(r));
    });

    public static string MulticlassScoresMarkdown(string path, EvalSummary info, MulticlassScoreReport<string> r)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(ScoresTitle(path, r)).Append("\n\n");
        MarkdownSummary(md, ScoresLines(info));
        md.Append("| Metric | Value |\n|--------|------:|\n");
        foreach (var (label, value) in ScoreRowsOf(r))
        {
            md.Append("| ").Append(label).Append(" | ").Append(Format(value)).Append(" |\n");
        }

        md.Append('\n');
        MarkdownClasses(md, r.Predictions, r.PerClass);
        MarkdownConfusion(md, r.Predictions);
        MarkdownUndefined(md, ScoreUndefined(r));
        return md.ToString();
    }

    /// <summary>The metric rows of the table and markdown outputs: the score metrics, then top-k accuracy for each k.</summary>
    private static IEnumerable<(string Label, double? Value)> ScoreRowsOf(MulticlassScoreReport<string> r) =>
        ScoreMetrics(r).Select(m => (m.Label, m.Value))
            .Concat(r.TopKAccuracy.Select(t => (Invariant($"Top-{t.Key} accuracy"), (double?)t.Value)));

    /// <summary>The undefined score metrics, then those of the arg-max predictions.</summary>
    private static IEnumerable<(string Metric, string Reason)> ScoreUndefined(MulticlassScoreReport<string> r) =>
        r.Undefined.Concat(r.Predictions.Undefined).Select(u => (u.Metric, u.Reason));

    private static string ScoresTitle(string path, MulticlassScoreReport<string> r) =>
        Invariant($"Multiclass evaluation of {path} from scores: n = {r.N}, {r.Labels.Count} classes, ROC AUC one-vs-rest (macro) {Format(r.RocAucOvrMacro)}");

    private static IEnumerable<string> ScoresLines(EvalSummary info)
    {
        yield return $"Read {info.FileFormat}: label column '{info.LabelColumn}', score columns {info.OtherColumn} (one per class; predicted label = highest score, the first column on ties); zero division: {info.ZeroDivisionName}.";
        if (info.SkippedRows is { } skipped)
        {
            yield return Invariant($"Skipped rows: {skipped} (missing label or score, --missing skip).");
        }

        if (info.WeightLine is not null)
        {
            yield return info.WeightLine;
        }
    }
}
