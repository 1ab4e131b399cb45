using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>classicalml eval PREDICTIONS [options]</c>: metrics of a predictions file (CSV, TSV, ML.NET's SaveAsText output,
/// Parquet, Arrow IPC / Feather), binary (labels and scores) or multiclass (labels and predicted labels). Options are described in
/// <c>--help</c> and in the project README.
/// </summary>
/// <remarks>
/// Binary mode collects the two columns (9 bytes a row) and calls <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/>; above
/// <see cref="DefaultExactCapacity"/> rows it streams into a <see cref="StreamingBinaryEvaluator"/> instead (ROC AUC
/// and AP from a histogram, with error bounds) unless --exact. Undefined values follow --zero-division and are listed
/// with their reason. Bad input: one line on stderr naming file, line, column and fix, exit code 2.
/// </remarks>
internal sealed class EvalCommand
{
    /// <summary>Rows up to which ROC AUC and AP are exact without --exact (80 MB of scores).</summary>
    internal const int DefaultExactCapacity = 10_000_000;

    private const string Examples = """
        Evaluate predictions in a CSV, TSV, ML.NET text (SaveAsText), Parquet or Arrow IPC (Feather) file: binary (labels and scores) or multiclass (labels and predicted labels).

        Examples:
          classicalml eval predictions.csv                               label,score written by pandas or by hand
          classicalml eval scored.tsv --format json                      ML.NET SaveAsText output: Label and Probability (or Score, threshold 0)
          classicalml eval preds.csv --label-column y --score-column p --positive yes --threshold 0.3
          classicalml eval preds.parquet --missing skip --zero-division nan
          classicalml eval preds.feather --format json                   Arrow IPC as pandas to_feather writes it (LZ4 or Zstd)
          classicalml eval export.csv --delimiter ';' --format markdown
          classicalml eval multi.csv --predicted-column predicted
          classicalml eval proba.csv --score-prefix p_ --format json       multiclass from scores: columns p_cat, p_dog, ... (class = name after p_)
          classicalml eval proba.csv --score-columns cat,dog,eel           multiclass from scores: one column per class, named by the class
          classicalml eval preds.csv --weight-column w --format json     sample weights, as scikit-learn's sample_weight
          classicalml eval preds.csv --operating-point recall-at-precision:0.9   the threshold to ship, with its confusion counts
          classicalml eval preds.csv --calibration --bins 10 --strategy quantile  reliability curve, ECE, MCE, Brier decomposition
          classicalml eval preds.csv --ci delong --compare-score-column score_b    DeLong interval and paired test, McNemar
          classicalml eval preds.csv --plot plots --operating-point max-f1 --compare-score-column score_b   plots/roc.png, pr.png, reliability.png
        """;

    private readonly TextWriter stdout;
    private readonly TextWriter stderr;
    private readonly int exactCapacity;

    private readonly Argument<string> data = new("PREDICTIONS") { Description = "The predictions file: .csv/.tsv/.txt text with a header line (or ML.NET's #@ TextLoader schema), .parquet, or Arrow IPC (.arrow, .feather, .arrows). Example: predictions.csv" };
    private readonly Option<string?> labelColumn = new("--label-column") { Description = "Column of true labels, matched ignoring case (default: label, which is also ML.NET's Label). Example: --label-column y", HelpName = "COLUMN" };
    private readonly Option<string?> scoreColumn = new("--score-column") { Description = "Column of scores, higher = more positive (default: score, else ML.NET's Probability, else ML.NET's Score with threshold 0). Example: --score-column prob", HelpName = "COLUMN" };
    private readonly Option<string?> predictedColumn = new("--predicted-column") { Description = "Column of predicted labels: multiclass mode. Example: --predicted-column PredictedLabel", HelpName = "COLUMN" };
    private readonly Option<string?> positive = new("--positive") { Description = "The label of the positive class, compared as a number when it is one (required unless labels are 0/1 or true/false). Example: --positive 1 (labels -1/1), --positive yes", HelpName = "VALUE" };
    private readonly Option<double?> threshold = new("--threshold") { CustomParser = r => CliOptions.ParseDouble(r, "0.5"), Description = "Score >= threshold is predicted positive (default 0.5; 0 for ML.NET's Score without Probability). Example: --threshold 0", HelpName = "T" };
    private readonly Option<string?> delimiter = new("--delimiter") { Description = "Field delimiter: one character or tab (default: the most frequent of , ; tab | in the header line; tab for .tsv; an ML.NET schema's sep). Example: --delimiter ';'", HelpName = "C" };
    private readonly Option<string> missing = new("--missing") { DefaultValueFactory = _ => "error", Description = "Rows with an empty or NaN label or score: error (default: names line and column) or skip (drop them; the output says how many). Example: --missing skip", HelpName = "error|skip" };
    private readonly Option<string> zeroDivision = new("--zero-division") { DefaultValueFactory = _ => "zero", Description = "Value of a metric whose denominator is 0: zero (default, as scikit-learn), one or nan; such metrics are listed as undefined either way. Example: --zero-division nan", HelpName = "zero|one|nan" };
    private readonly Option<bool> exact = new("--exact") { Description = "Exact ROC AUC and average precision above 10,000,000 rows too (keeps every score: 9 bytes a row). Example: --exact" };
    private readonly Option<string> format = new("--format") { DefaultValueFactory = _ => "table", Description = "Output: table (default), json or markdown. Example: --format json", HelpName = "FORMAT" };
    private readonly Option<string?> scoreColumns = new("--score-columns") { Description = "Comma-separated score columns, one per class, each named by its class: multiclass-from-scores mode (ROC AUC one-vs-rest and one-vs-one, top-k accuracy, log loss, Brier, arg-max precision/recall/F1). Example: --score-columns cat,dog,eel", HelpName = "A,B,C" };
    private readonly Option<string?> scorePrefix = new("--score-prefix") { Description = "Every column whose name starts with the prefix is a class score, the class being the rest of the name: multiclass-from-scores mode. Example: --score-prefix p_ (columns p_cat, p_dog)", HelpName = "PREFIX" };
    private readonly Option<bool> curves = new("--curves") { Description = "Also output the ROC and precision-recall curves (binary mode; keeps every score). Example: --curves --format json" };
    private readonly EvalExtraOptions extraOptions = new();
    private readonly Option<string?> plot = EvalPlots.CreateOption();
    private readonly Option<string?> weightColumn = new("--weight-column") { Description = "Column of row weights, finite and >= 0 (every mode; scikit-learn's sample_weight): every metric is weighted, support is the weighted support, n stays the row count; keeps every score. Example: --weight-column w", HelpName = "COLUMN" };

    public EvalCommand(TextWriter stdout, TextWriter stderr, int exactCapacity = DefaultExactCapacity)
    {
        this.stdout = stdout;
        this.stderr = stderr;
        this.exactCapacity = exactCapacity;
        CliOptions.OneOf(format, "table", "json", "markdown");
        CliOptions.OneOf(missing, "error", "skip");
        CliOptions.OneOf(zeroDivision, "zero", "one", "nan");
        Command = new Command("eval", Examples);
        Command.Arguments.Add(data);
        foreach (var option in new Option[] { labelColumn, scoreColumn, predictedColumn, scoreColumns, scorePrefix, positive, threshold, delimiter, missing, zeroDivision, exact, format, curves, weightColumn, plot })
        {
            Command.Options.Add(option);
        }

        foreach (var option in extraOptions.All)
        {
            Command.Options.Add(option);
        }

        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse) => CliApp.RunCommand("eval", stderr, () =>
    {
        var request = Validate(parse);
        var scoreMode = ValidateScoreMode(parse, request);
        var extras = extraOptions.Read(parse, scoreMode is not null || request.PredictedColumn is not null, request.WeightColumn is not null, request.SkipMissing);
        if (request.PlotDirectory is { } directory)
        {
            EvalPlots.Prepare(directory);
        }

        using var file = PredictionFile.Open(request.Data, request.Delimiter);
        var text = scoreMode is not null ? MulticlassScores(file, request, scoreMode)
            : request.PredictedColumn is null ? Binary(file, request, extras) : Multiclass(file, request);
        stdout.Write(text);
        stdout.Flush();
    });

    private sealed record Request(
        string Data, string? LabelColumn, string? ScoreColumn, string? PredictedColumn, string? Positive, double? Threshold,
        char? Delimiter, bool SkipMissing, ZeroDivision ZeroDivision, bool Exact, string Format, bool Curves, string? WeightColumn = null, string? PlotDirectory = null);

    private Request Validate(ParseResult parse)
    {
        var predicted = parse.GetValue(predictedColumn);
        var score = parse.GetValue(scoreColumn);
        var t = parse.GetValue(threshold);
        var pos = parse.GetValue(positive);
        var withCurves = parse.GetValue(curves);
        var forceExact = parse.GetValue(exact);
        var plotDirectory = parse.GetValue(plot);
        if (predicted is not null)
        {
            var binaryOnly = new[] { (score is not null, "--score-column"), (pos is not null, "--positive"), (t is not null, "--threshold"), (forceExact, "--exact"), (withCurves, "--curves"), (plotDirectory is not null, "--plot") }
                .Where(x => x.Item1).Select(x => x.Item2).ToList();
            if (binaryOnly.Count > 0)
            {
                throw new UsageException($"{string.Join(" and ", binaryOnly)} {(binaryOnly.Count == 1 ? "has" : "have")} no effect with --predicted-column (multiclass mode compares labels, not scores). Remove {string.Join(" and ", binaryOnly)}, or drop --predicted-column for binary mode.");
            }
        }

        if (t is { } value && double.IsNaN(value))
        {
            throw CliOptions.Invalid("--threshold", value, Preconditions.NumberRule, "Use e.g. --threshold 0.5 (a row is positive when score >= threshold).");
        }

        if (pos is not null && pos.Trim().Length == 0)
        {
            throw new UsageException("--positive is empty; pass the label value of the positive class, e.g. --positive yes.");
        }

        var policy = parse.GetValue(zeroDivision) switch { "one" => ZeroDivision.One, "nan" => ZeroDivision.NaN, _ => ZeroDivision.Zero };
        var weights = WeightColumnOf(parse, parse.GetValue(scoreColumns) is not null || parse.GetValue(scorePrefix) is not null);
        return new Request(parse.GetValue(data)!, parse.GetValue(labelColumn), score, predicted, pos?.Trim(), t, CliOptions.DelimiterOf(parse.GetValue(delimiter)),
            parse.GetValue(missing) == "skip", policy, forceExact, parse.GetValue(format) ?? "table", withCurves, weights, plotDirectory);
    }

    /// <summary>--weight-column, refused where it cannot be aligned (--missing skip, except in score mode, which reads it in the same pass).</summary>
    private string? WeightColumnOf(ParseResult parse, bool scoreMode)
    {
        var weights = parse.GetValue(weightColumn);
        if (weights is not null && !scoreMode && parse.GetValue(missing) == "skip")
        {
            throw new UsageException("--weight-column cannot be combined with --missing skip yet (the weights are read in a second pass that must see the same rows). Fill in or remove rows with missing values, and use --missing error.");
        }

        return weights;
    }

    private string Binary(PredictionFile file, Request request, EvalExtras extras)
    {
        var choice = ColumnChoice.Binary(file, request.LabelColumn, request.ScoreColumn, request.Threshold);
        int? weight = request.WeightColumn is { } w ? ColumnChoice.Find(file, w, "--weight-column", "Name the weight column with --weight-column COLUMN.") : null;
        var collector = new BinaryCollector(choice.Threshold, request.ZeroDivision, exactCapacity, request.Exact || request.Curves || weight is not null || extras.Any || request.PlotDirectory is not null, file.ExpectedRows, file.RowsKnown);
        var rows = new BinaryRows(new BinaryLabelRule(request.Positive), request.SkipMissing, collector);
        file.ReadBinary(choice.Label, choice.Other, rows);
        if (collector.Count == 0)
        {
            throw file.HeaderError(null, Invariant($"every data row has a missing label or score ({rows.Skipped} skipped by --missing skip), so there is nothing to evaluate"),
                "Check that the label and score columns are the right ones, or fill in the values.");
        }

        rows.Labels.CheckPositiveSeen((problem, fix) => file.ColumnError(choice.Label, problem, fix));
        double[]? weights = weight is { } wi ? WeightedEval.ReadWeights(request.Data, request.Delimiter, choice.Label, wi, request.Positive, collector.Count) : null;
        var (report, labels, scores) = weights is null ? collector.Evaluate() : Weighted(collector, weights, choice.Threshold, request.ZeroDivision);
        RocCurve? roc = null;
        PrecisionRecallCurve? pr = null;
        if (request.Curves)
        {
            roc = weights is null ? Roc.Curve(labels.Span, scores.Span) : Roc.Curve(labels.Span, scores.Span, weights);
            pr = weights is null ? PrecisionRecall.Curve(labels.Span, scores.Span) : PrecisionRecall.Curve(labels.Span, scores.Span, weights);
        }

        if (!choice.ThresholdFromOption && choice.Threshold == ColumnChoice.DefaultThreshold && report.LogLoss is null)
        {
            stderr.WriteLine($"classicalml eval: hint: some scores in column '{file.Columns[choice.Other]}' are outside [0, 1], so they look like margins (e.g. ML.NET's Score), not probabilities; with margins pass --threshold 0 (predict positive when the margin is >= 0).");
        }

        string? weightColumnName = weight is { } c ? file.Columns[c] : null;
        var info = new EvalSummary(file.Format, file.Columns[choice.Label], file.Columns[choice.Other], choice.DescribeThreshold(), request.SkipMissing ? rows.Skipped : null, request.ZeroDivision, exactCapacity,
            weightColumnName is null ? null : WeightedEval.SummaryLine(weightColumnName, report));
        var text = request.Format switch
        {
            "json" when weightColumnName is not null => WeightedEval.Json(EvalOutput.BinaryJson(info, report, roc, pr), weightColumnName, report),
            "json" => EvalOutput.BinaryJson(info, report, roc, pr),
            "markdown" => EvalOutput.BinaryMarkdown(request.Data, info, report, roc, pr),
            _ => EvalOutput.BinaryTable(request.Data, info, report, roc, pr),
        };
        double[]? scoresB = extras.CompareColumn is { } name ? ScoresB(file, request, name, choice, labels.Length) : null;
        EvalExtrasResult? x = extras.Any ? extras.Compute(labels.Span, scores.Span, weights, scoresB, report.Threshold, file.Columns[choice.Other], OtherScale(file, request, extras, choice, labels.Length)) : null;
        text = x is null ? text : EvalOutput.WithExtras(text, request.Format, x);
        return request.PlotDirectory is { } directory ? EvalPlots.WithFiles(text, request.Format, BinaryPlots(directory, request.Data, report, extras, x, (file.Columns[choice.Other], scores), (extras.CompareColumn, scoresB), labels, weights)) : text;
    }

    /// <summary>The score column on the other scale (Probability beside Score, or Score beside Probability), read in a second pass, for the operating point's threshold on both scales.</summary>
    private static (double[], string)? OtherScale(PredictionFile file, Request request, EvalExtras extras, ColumnChoice choice, int rows)
    {
        if (request.SkipMissing || extras.OtherScaleColumn(file.Columns, choice.Other) is not { } o)
        {
            return null;
        }

        var (second, values) = WeightedEval.ReadColumn(request.Data, request.Delimiter, choice.Label, o.Column, request.Positive, rows, "score");
        second.Dispose();
        return (values, o.Prefix);
    }

    /// <summary>Model B's scores (--compare-score-column), read in a second pass.</summary>
    private static double[] ScoresB(PredictionFile file, Request request, string name, ColumnChoice choice, int rows)
    {
        int b = ColumnChoice.Find(file, name, "--compare-score-column", "Name model B's score column with --compare-score-column COLUMN.");
        var (second, values) = WeightedEval.ReadColumn(request.Data, request.Delimiter, choice.Label, b, request.Positive, rows, "score");
        second.Dispose();
        return values;
    }

    /// <summary>--plot in binary mode: model A and, with --compare-score-column, model B, with their operating points and reliability curves.</summary>
    private static PlotFiles BinaryPlots(string directory, string data, BinaryReport report, EvalExtras extras, EvalExtrasResult? x, (string Name, ReadOnlyMemory<double> Scores) a, (string? Name, double[]? Scores) b, ReadOnlyMemory<bool> labels, double[]? weights)
    {
        var bins = (extras.Bins ?? 10, extras.Strategy);
        var models = new List<PlotModel> { EvalPlots.Binary(a.Name, labels.Span, a.Scores.Span, weights, bins, x?.Point, x?.Calibration, out string? missingA) };
        var missing = new List<string?> { missingA };
        if (b is { Name: { } nameB, Scores: { } scoresB })
        {
            models.Add(EvalPlots.Binary(nameB, labels.Span, scoresB, weights, bins, extras.OperatingPoint?.Choose(labels.Span, scoresB, weights), null, out string? missingB));
            missing.Add(missingB);
        }

        double prevalence = report.WeightedCounts is { } w ? w.Positives / w.Total : (double)report.Positives / report.N;
        return EvalPlots.WriteBinary(directory, data, models, prevalence, missing);
    }

    private static (BinaryReport Report, ReadOnlyMemory<bool> Labels, ReadOnlyMemory<double> Scores) Weighted(BinaryCollector collector, double[] weights, double threshold, ZeroDivision zeroDivision)
    {
        var (labels, scores) = collector.Rows();
        return (BinaryEvaluation.Evaluate(labels.Span, scores.Span, weights, threshold, zeroDivision: zeroDivision), labels, scores);
    }

    private static string Multiclass(PredictionFile file, Request request)
    {
        var choice = ColumnChoice.Multiclass(file, request.LabelColumn, request.PredictedColumn!);
        var rows = new MulticlassRows(request.SkipMissing);
        file.ReadMulticlass(choice.Label, choice.Other, rows);
        if (rows.Actual.Count == 0)
        {
            throw file.HeaderError(null, Invariant($"every data row has a missing label ({rows.Skipped} skipped by --missing skip), so there is nothing to evaluate"),
                "Check that the label and predicted-label columns are the right ones, or fill in the values.");
        }

        int? weight = request.WeightColumn is { } name ? WeightedMulticlassEval.Column(file, name, choice.Label, [choice.Other]) : null;
        var report = weight is { } wc
            ? MulticlassEvaluation.Evaluate<string>(rows.Actual.ToArray(), rows.Predicted.ToArray(), WeightedMulticlassEval.ReadWeights(request.Data, request.Delimiter, choice.Label, wc, rows.Actual, rows.Actual.Count), zeroDivision: request.ZeroDivision)
            : MulticlassEvaluation.Evaluate<string>(rows.Actual.ToArray(), rows.Predicted.ToArray(), zeroDivision: request.ZeroDivision);
        string? weightName = weight is { } c ? file.Columns[c] : null;
        var info = new EvalSummary(file.Format, file.Columns[choice.Label], file.Columns[choice.Other], null, request.SkipMissing ? rows.Skipped : null, request.ZeroDivision, DefaultExactCapacity,
            weightName is null ? null : WeightedMulticlassEval.SummaryLine(weightName, report));
        return request.Format switch
        {
            "json" when weightName is not null => WeightedMulticlassEval.Json(EvalOutput.MulticlassJson(info, report), weightName, report),
            "json" => EvalOutput.MulticlassJson(info, report),
            "markdown" => EvalOutput.MulticlassMarkdown(request.Data, info, report),
            _ => EvalOutput.MulticlassTable(request.Data, info, report),
        };
    }

    /// <summary>How the score columns of multiclass-from-scores mode are named: a list, or a prefix.</summary>
    private sealed record ScoreMode(IReadOnlyList<string>? Columns, string? Prefix);

    /// <summary>The score-columns mode, or null; refuses options that have no effect in it.</summary>
    private ScoreMode? ValidateScoreMode(ParseResult parse, Request request)
    {
        var list = parse.GetValue(scoreColumns);
        var prefix = parse.GetValue(scorePrefix);
        if (list is null && prefix is null)
        {
            return null;
        }

        var conflicting = new[]
        {
            (list is not null && prefix is not null, "--score-prefix"), (request.PredictedColumn is not null, "--predicted-column"),
            (request.ScoreColumn is not null, "--score-column"), (request.Positive is not null, "--positive"), (request.Threshold is not null, "--threshold"),
            (request.Exact, "--exact"), (request.Curves, "--curves"),
        }.Where(x => x.Item1).Select(x => x.Item2).ToList();
        var mode = list is not null ? "--score-columns" : "--score-prefix";
        if (conflicting.Count > 0)
        {
            throw new UsageException($"{string.Join(" and ", conflicting)} cannot be combined with {mode} (multiclass-from-scores mode takes one score column per class and ranks them; it has no threshold or positive class). Remove {string.Join(" and ", conflicting)}.");
        }

        if (prefix is not null)
        {
            return prefix.Length == 0 ? throw new UsageException("--score-prefix is empty; pass the start of the score columns' names, e.g. --score-prefix p_.") : new ScoreMode(null, prefix);
        }

        var names = list!.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length < 2 || names.Any(n => n.Length == 0))
        {
            throw new UsageException($"--score-columns is '{list}'; it must name at least two columns, separated by commas, none empty. Pass e.g. --score-columns cat,dog,eel.");
        }

        return new ScoreMode(names, null);
    }

    private static string MulticlassScores(PredictionFile file, Request request, ScoreMode mode)
    {
        var label = ColumnChoice.Multiclass(file, request.LabelColumn, null).Label;
        var (columns, classes) = ColumnChoice.ScoreColumns(file, mode.Columns, mode.Prefix, label);
        int? weight = request.WeightColumn is { } name ? WeightedMulticlassEval.Column(file, name, label, columns) : null;
        var rows = new ScoreRows(classes, request.SkipMissing, classes.Count, weighted: weight is not null);
        file.ReadScores(label, weight is { } wc ? [.. columns, wc] : columns, rows);
        if (rows.Actual.Count == 0)
        {
            throw file.HeaderError(null, Invariant($"every data row has a missing label or score ({rows.Skipped} skipped by --missing skip), so there is nothing to evaluate"),
                "Check that the label and score columns are the right ones, or fill in the values.");
        }

        var scores = ScoreMatrix.FromRowMajor(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows.Scores), classes.Count);
        var options = new MulticlassScoreOptions { ZeroDivision = request.ZeroDivision };
        var report = weight is { } w
            ? MulticlassScoreEvaluation.Evaluate<string>(rows.Actual.ToArray(), scores, WeightedMulticlassEval.CheckNotAllZero(file, w, rows.Weights), classes, options)
            : MulticlassScoreEvaluation.Evaluate<string>(rows.Actual.ToArray(), scores, classes, options);
        string? weightName = weight is { } c ? file.Columns[c] : null;
        var info = new EvalSummary(file.Format, file.Columns[label], string.Join(", ", columns.Select(c => file.Columns[c])), null, request.SkipMissing ? rows.Skipped : null, request.ZeroDivision, DefaultExactCapacity,
            weightName is null ? null : WeightedMulticlassEval.SummaryLine(weightName, report.Predictions));
        var text = request.Format switch
        {
            "json" when weightName is not null => WeightedMulticlassEval.Json(EvalOutput.MulticlassScoresJson(info, report, columns.Select(c => file.Columns[c]).ToList()), weightName, report.Predictions),
            "json" => EvalOutput.MulticlassScoresJson(info, report, columns.Select(c => file.Columns[c]).ToList()),
            "markdown" => EvalOutput.MulticlassScoresMarkdown(request.Data, info, report),
            _ => EvalOutput.MulticlassScoresTable(request.Data, info, report),
        };
        if (request.PlotDirectory is not { } directory)
        {
            return text;
        }

        var curves = weight is not null ? MulticlassScoreEvaluation.RocCurves<string>(rows.Actual.ToArray(), scores, rows.Weights.ToArray(), classes) : MulticlassScoreEvaluation.RocCurves<string>(rows.Actual.ToArray(), scores, classes);
        var models = curves.Select((roc, i) => new PlotModel(classes[i], roc, EvalPlots.Defined(roc, report.PerClass[i].RocAuc), null, double.NaN, null, null)).ToList();
        return EvalPlots.WithFiles(text, request.Format, EvalPlots.WriteMulticlass(directory, request.Data, models));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
