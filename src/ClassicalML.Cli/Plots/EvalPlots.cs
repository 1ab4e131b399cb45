using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>eval --plot DIR</c>: writes <c>roc.png</c>, <c>pr.png</c> and <c>reliability.png</c> (binary mode; both models with
/// --compare-score-column, the operating point marked with --operating-point) or <c>roc.png</c> with one one-vs-rest
/// curve per class (multiclass from scores) into DIR, created if missing, and lists them in the output.
/// </summary>
internal static class EvalPlots
{
    /// <summary>The figures' file names, fixed so scripts can find them.</summary>
    internal const string RocFile = "roc.png", PrecisionRecallFile = "pr.png", ReliabilityFile = "reliability.png";

    private const string Fix = "Pass a directory you can write to (it is created if missing), e.g. --plot plots.";

    /// <summary>The --plot option.</summary>
    public static Option<string?> CreateOption() => new("--plot")
    {
        Description = "Write PNG figures into directory DIR (created if missing): roc.png (with the chance diagonal), pr.png (with the prevalence) and reliability.png "
            + "(per bin the fraction of positives against the mean probability with Wilson bars, and the counts; --calibration's --bins and --strategy, else 10 uniform bins; "
            + "scores must be probabilities), the --operating-point marked and both models of --compare-score-column on each; multiclass from scores: roc.png, one-vs-rest per class; keeps every score. Example: --plot plots",
        HelpName = "DIR",
    };

    /// <summary>Creates <paramref name="directory"/> before anything is read, so a directory that cannot be written fails at once.</summary>
    /// <exception cref="UsageException">The directory is empty, or cannot be created (a file of that name, no permission).</exception>
    public static void Prepare(string directory)
    {
        if (directory.Trim().Length == 0)
        {
            throw new UsageException("--plot is empty; pass the directory to write the figures into, e.g. --plot plots.");
        }

        Io(directory, () => Directory.CreateDirectory(directory));
    }

    /// <summary>Draws and writes the binary figures of model A and, with --compare-score-column, model B.</summary>
    /// <param name="directory">--plot's directory (already prepared).</param>
    /// <param name="data">The predictions file, for the titles.</param>
    /// <param name="models">Model A, then model B.</param>
    /// <param name="prevalence">The (weighted) share of positives: the precision of a random ranking.</param>
    /// <param name="reliabilityMissing">For each model without a reliability curve, why (null when it has one).</param>
    public static PlotFiles WriteBinary(string directory, string data, IReadOnlyList<PlotModel> models, double prevalence, IReadOnlyList<string?> reliabilityMissing)
    {
        string name = Path.GetFileName(data);
        var written = new List<string>
        {
            Write(directory, RocFile, EvalFigures.Roc($"ROC curve, {name}", models)),
            Write(directory, PrecisionRecallFile, EvalFigures.PrecisionRecall($"Precision-recall curve, {name}", models, prevalence)),
        };
        var notes = new List<string>();
        var calibrated = models.Where(m => m.Reliability is not null).ToList();
        for (int i = 0; i < models.Count; i++)
        {
            if (reliabilityMissing[i] is { } reason)
            {
                notes.Add(calibrated.Count == 0 ? $"{ReliabilityFile} not written: {reason}" : $"{ReliabilityFile} leaves out '{models[i].Name}': {reason}");
            }
        }

        if (calibrated.Count > 0)
        {
            written.Add(Write(directory, ReliabilityFile, EvalFigures.Reliability($"Reliability diagram, {name}", calibrated)));
        }

        return new PlotFiles(written, notes);
    }

    /// <summary>One binary model's curves, each from its owner (the library's curve, area and reliability functions).</summary>
    /// <param name="name">The legend name (the score column).</param>
    /// <param name="labels">The labels.</param>
    /// <param name="scores">The model's scores.</param>
    /// <param name="weights">Row weights, or null.</param>
    /// <param name="bins">The reliability curve's bins and strategy (--calibration's, else 10 uniform).</param>
    /// <param name="point">The operating point, or null.</param>
    /// <param name="calibration">The reliability curve --calibration already computed, or null.</param>
    /// <param name="missing">Why the model has no reliability curve, or null.</param>
    public static PlotModel Binary(string name, ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double[]? weights, (int Count, CalibrationBinning Strategy) bins, ThresholdChoice? point, ReliabilityCurve? calibration, out string? missing)
    {
        RocCurve roc = weights is null ? Roc.Curve(labels, scores) : Roc.Curve(labels, scores, weights);
        PrecisionRecallCurve pr = weights is null ? PrecisionRecall.Curve(labels, scores) : PrecisionRecall.Curve(labels, scores, weights);
        double auc = weights is null ? Roc.Auc(labels, scores) : Roc.Auc(labels, scores, weights);
        double ap = weights is null ? PrecisionRecall.AveragePrecision(labels, scores) : PrecisionRecall.AveragePrecision(labels, scores, weights);
        missing = calibration is not null ? null : NotProbabilities(scores, name);
        calibration ??= missing is not null ? null
            : weights is null ? Calibration.Curve(labels, scores, bins.Count, bins.Strategy)
            : Calibration.Curve(labels, scores, weights, bins.Count, bins.Strategy);
        return new PlotModel(name, roc, Defined(roc, auc), pr, Defined(roc, ap), calibration, point);
    }

    /// <summary>Draws and writes the one-vs-rest ROC curves of every class (multiclass from scores).</summary>
    public static PlotFiles WriteMulticlass(string directory, string data, IReadOnlyList<PlotModel> classes) =>
        new([Write(directory, RocFile, EvalFigures.Roc($"One-vs-rest ROC curves, {Path.GetFileName(data)}", classes))],
            [$"{PrecisionRecallFile} and {ReliabilityFile} are drawn in binary mode only"]);

    /// <summary>A curve's area, or NaN when the curve is undefined (no positive or no negative), never a zero-division stand-in.</summary>
    public static double Defined(RocCurve roc, double value) =>
        roc.TruePositiveRates.Count == 0 || double.IsNaN(roc.TruePositiveRates[^1]) || double.IsNaN(roc.FalsePositiveRates[^1]) ? double.NaN : value;

    /// <summary>Why scores cannot be drawn as a reliability curve, or null when they are probabilities.</summary>
    public static string? NotProbabilities(ReadOnlySpan<double> scores, string column)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                return string.Create(CultureInfo.InvariantCulture, $"column '{column}' has {scores[i]:R} in data row {i + 1}, and a reliability diagram needs probabilities in [0, 1] (pass the probability column with --score-column)");
            }
        }

        return null;
    }

    /// <summary>The report <paramref name="text"/> in <paramref name="format"/> with the files written (JSON: <c>plots</c>).</summary>
    public static string WithFiles(string text, string format, PlotFiles files)
    {
        if (format == "json")
        {
            JsonObject root = JsonNode.Parse(text)!.AsObject();
            root["plots"] = new JsonObject
            {
                ["files"] = new JsonArray([.. files.Written.Select(f => (JsonNode)f)]),
                ["notes"] = new JsonArray([.. files.Notes.Select(n => (JsonNode)n)]),
            };
            return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }

        var md = format == "markdown";
        var lines = new StringBuilder(text.TrimEnd()).Append(md ? "\n\n" : Environment.NewLine);
        lines.Append("Plots written: ").Append(string.Join(", ", files.Written.Select(f => md ? $"`{f}`" : f))).Append(md ? "\n" : Environment.NewLine);
        foreach (var note in files.Notes)
        {
            lines.Append(md ? "\n" : string.Empty).Append("Plot note: ").Append(note).Append(md ? "\n" : Environment.NewLine);
        }

        return lines.ToString();
    }

    private static string Write(string directory, string file, byte[] png)
    {
        string path = Path.Combine(directory, file);
        Io(path, () => File.WriteAllBytes(path, png));
        return path;
    }

    private static void Io(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--plot cannot write '{path}' ({e.Message.TrimEnd('.')}). {Fix}");
        }
    }
}
