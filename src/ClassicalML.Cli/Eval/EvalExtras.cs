using System.CommandLine;
using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// The options of <c>eval</c>'s binary mode that add sections to the report (issue #17): <c>--operating-point</c>,
/// <c>--calibration</c> (<c>--bins</c>, <c>--strategy</c>), <c>--ci delong</c> (<c>--confidence</c>) and
/// <c>--compare-score-column</c>. Kept apart from <see cref="EvalCommand"/> so its paths run as before when none is given.
/// </summary>
internal sealed class EvalExtraOptions
{
    private readonly Option<string?> operatingPoint = new("--operating-point") { Description = OperatingPointRule.Help, HelpName = "RULE" };
    private readonly Option<bool> calibration = new("--calibration") { Description = "Add the reliability (calibration) curve as scikit-learn's calibration_curve: per bin the fraction of positives, the mean probability and the count, ECE, MCE and the Brier score's reliability, resolution and uncertainty (binary mode; scores must be probabilities). Example: --calibration --bins 10 --strategy quantile" };
    private readonly Option<int?> bins = new("--bins") { CustomParser = CliOptions.ParseInt, Description = "Number of calibration bins, at least 1 (default 10; scikit-learn's default is 5). Example: --bins 15", HelpName = "N" };
    private readonly Option<string?> strategy = new("--strategy") { Description = "Calibration bin edges: uniform (default; equal widths on [0, 1]) or quantile (equal counts). Example: --strategy quantile", HelpName = "uniform|quantile" };
    private readonly Option<string?> ci = new("--ci") { Description = "Add a confidence interval of ROC AUC: delong (DeLong's variance, as R's pROC ci.auc). Example: --ci delong", HelpName = "delong" };
    private readonly Option<double?> confidence = new("--confidence") { CustomParser = r => CliOptions.ParseDouble(r, "0.95"), Description = "Nominal coverage of --ci and --compare-score-column intervals, between 0 and 1 (default 0.95). Example: --confidence 0.9", HelpName = "C" };
    private readonly Option<string?> compare = new("--compare-score-column") { Description = "Compare the score column (model A) with this column (model B) on the same rows: DeLong's paired test of the two ROC AUCs (z, p-value, interval of the difference, as pROC's roc.test) and McNemar's exact test of their decisions at the threshold (each model's own --operating-point threshold when given). Example: --compare-score-column score_b", HelpName = "COLUMN" };

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [operatingPoint, calibration, bins, strategy, ci, confidence, compare];

    /// <summary>Reads and checks the options; refuses them where they have no effect or cannot run yet.</summary>
    /// <exception cref="UsageException">A bad value or combination, in one line naming the option and the fix.</exception>
    public EvalExtras Read(ParseResult parse, bool multiclass, bool weighted, bool skipMissing)
    {
        var rule = parse.GetValue(operatingPoint);
        var withCalibration = parse.GetValue(calibration);
        var binCount = parse.GetValue(bins);
        var binning = parse.GetValue(strategy);
        var interval = parse.GetValue(ci);
        var level = parse.GetValue(confidence);
        var other = parse.GetValue(compare);
        var given = new[] { (rule is not null, "--operating-point"), (withCalibration, "--calibration"), (interval is not null, "--ci"), (other is not null, "--compare-score-column") }
            .Where(x => x.Item1).Select(x => x.Item2).ToList();
        if (multiclass && given.Count > 0)
        {
            throw new UsageException($"{string.Join(" and ", given)} {(given.Count == 1 ? "applies" : "apply")} to binary mode only (labels and one score column). Remove {string.Join(" and ", given)}, or drop --predicted-column / --score-columns / --score-prefix.");
        }

        if (other is not null && skipMissing)
        {
            throw new UsageException("--compare-score-column cannot be combined with --missing skip yet (the second score column is read in a second pass that must see the same rows). Fill in or remove rows with missing values, and use --missing error.");
        }

        CheckDependent(withCalibration, (binCount is not null, "--bins"), (binning is not null, "--strategy"), "--calibration");
        CheckDependent(interval is not null || other is not null, [(level is not null, "--confidence")], "--ci delong or --compare-score-column");
        return new EvalExtras(
            rule is null ? null : OperatingPointRule.Parse(rule),
            withCalibration ? Bins(binCount) : null,
            Strategy(binning),
            interval is null ? false : interval.Trim().Equals("delong", StringComparison.OrdinalIgnoreCase) ? true : throw new UsageException($"--ci is '{interval}'; it must be delong (DeLong's interval of ROC AUC). Use --ci delong."),
            Confidence(level),
            other);
    }

    private static void CheckDependent(bool present, (bool Given, string Name)[] options, string needed)
    {
        var orphans = options.Where(o => o.Given && !present).Select(o => o.Name).ToList();
        if (orphans.Count > 0)
        {
            throw new UsageException($"{string.Join(" and ", orphans)} {(orphans.Count == 1 ? "has" : "have")} no effect without {needed}. Add {needed}, or remove {string.Join(" and ", orphans)}.");
        }
    }

    private static void CheckDependent(bool present, (bool Given, string Name) first, (bool Given, string Name) second, string needed) =>
        CheckDependent(present, [first, second], needed);

    private static int Bins(int? value) =>
        value is { } b && b < 1 ? throw CliOptions.Invalid("--bins", b, Preconditions.AtLeastRule(1), "Use e.g. --bins 10.") : value ?? 10;

    private static CalibrationBinning Strategy(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "uniform" => CalibrationBinning.Uniform,
        "quantile" => CalibrationBinning.Quantile,
        _ => throw new UsageException($"--strategy is '{value}'; it must be uniform or quantile. Use e.g. --strategy quantile."),
    };

    private static double Confidence(double? value) =>
        value is { } c && !(c > 0 && c < 1) ? throw CliOptions.Invalid("--confidence", c, Preconditions.OpenUnitIntervalRule, "Use e.g. --confidence 0.95.") : value ?? 0.95;
}

/// <summary>The report sections asked for by <see cref="EvalExtraOptions"/>.</summary>
/// <param name="OperatingPoint">--operating-point, or null.</param>
/// <param name="Bins">--calibration's number of bins, or null without --calibration.</param>
/// <param name="Strategy">--strategy.</param>
/// <param name="DeLongCi">--ci delong.</param>
/// <param name="Confidence">--confidence.</param>
/// <param name="CompareColumn">--compare-score-column, or null.</param>
internal sealed record EvalExtras(OperatingPointRule? OperatingPoint, int? Bins, CalibrationBinning Strategy, bool DeLongCi, double Confidence, string? CompareColumn)
{
    /// <summary>True when any section is asked for: every score must then be kept.</summary>
    public bool Any => OperatingPoint is not null || Bins is not null || DeLongCi || CompareColumn is not null;

    /// <summary>Computes the sections from the kept rows.</summary>
    /// <param name="labels">The labels.</param>
    /// <param name="scores">Model A's scores (the score column).</param>
    /// <param name="weights">Row weights, or null.</param>
    /// <param name="scoresB">Model B's scores (--compare-score-column), or null.</param>
    /// <param name="threshold">The report's threshold, used for McNemar without --operating-point.</param>
    /// <param name="scoreColumn">The score column's name, for the calibration error.</param>
    /// <param name="otherScale">The same model's other scale (ML.NET's Score beside Probability, or the reverse) and its
    /// JSON prefix (<c>raw</c> or <c>probability</c>), to carry the operating point over; null when absent.</param>
    /// <exception cref="UsageException">--calibration with scores outside [0, 1].</exception>
    public EvalExtrasResult Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double[]? weights, double[]? scoresB, double threshold, string scoreColumn, (double[] Scores, string Prefix)? otherScale = null)
    {
        ThresholdChoice? point = OperatingPoint?.Choose(labels, scores, weights);
        OtherScaleThreshold? onOther = point is not null && otherScale is { } o
            ? new OtherScaleThreshold(o.Prefix, ThresholdSelection.OnOtherScale(scores, o.Scores, point.Threshold))
            : null;
        ReliabilityCurve? curve = null;
        if (Bins is { } b)
        {
            CheckProbabilities(scores, scoreColumn);
            curve = weights is null ? Calibration.Curve(labels, scores, b, Strategy) : Calibration.Curve(labels, scores, weights, b, Strategy);
        }

        DeLongAucInterval? interval = !DeLongCi ? null : weights is null ? DeLong.AucInterval(labels, scores, Confidence) : DeLong.AucInterval(labels, scores, weights, Confidence);
        if (scoresB is null)
        {
            return new EvalExtrasResult(this, point, curve, interval, null, null) { OtherScale = onOther };
        }

        DeLongTest paired = weights is null ? DeLong.Paired(labels, scores, scoresB, Confidence) : DeLong.Paired(labels, scores, scoresB, weights, Confidence);
        double? thresholdA = OperatingPoint is null ? threshold : point?.Threshold;
        double? thresholdB = OperatingPoint is null ? threshold : OperatingPoint.Choose(labels, scoresB, weights)?.Threshold;
        ModelDecisions? decisions = null;
        string? missing = (thresholdA, thresholdB) switch
        {
            (null, null) => "models A and B", (null, _) => "model A", (_, null) => "model B", _ => null,
        };
        if (thresholdA is { } ta && thresholdB is { } tb)
        {
            var a = new bool[labels.Length];
            var bb = new bool[labels.Length];
            for (int i = 0; i < labels.Length; i++)
            {
                a[i] = scores[i] >= ta;
                bb[i] = scoresB[i] >= tb;
            }

            decisions = new ModelDecisions(ta, tb, McNemar.Test(labels, a, bb));
        }

        return new EvalExtrasResult(this, point, curve, interval, paired, decisions, missing) { OtherScale = onOther };
    }

    /// <summary>
    /// The other scale of an ML.NET binary model for <c>--operating-point</c>: with the score column named
    /// <c>Probability</c> and a <c>Score</c> column beside it, the raw scale (prefix <c>raw</c>), and the reverse
    /// (<c>probability</c>); names ignore case. Null otherwise, or when no operating point is asked for.
    /// </summary>
    public (int Column, string Prefix)? OtherScaleColumn(IReadOnlyList<string> columns, int scoreColumn)
    {
        if (OperatingPoint is null)
        {
            return null;
        }

        string chosen = columns[scoreColumn];
        string? other = chosen.Equals("Probability", StringComparison.OrdinalIgnoreCase) ? "Score"
            : chosen.Equals("Score", StringComparison.OrdinalIgnoreCase) ? "Probability" : null;
        int index = other is null ? -1 : columns.ToList().FindIndex(c => c.Equals(other, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (index, other == "Score" ? "raw" : "probability");
    }

    private static void CheckProbabilities(ReadOnlySpan<double> scores, string column)
    {
        for (int i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--calibration needs probabilities in [0, 1], but column '{column}' has {scores[i]:R} in data row {i + 1}. Pass the probability column with --score-column (e.g. ML.NET's Probability), or drop --calibration."));
            }
        }
    }
}

/// <summary>The operating point's threshold on the model's other scale (<see cref="ThresholdSelection.OnOtherScale"/>).</summary>
/// <param name="Prefix">The JSON prefix: <c>raw</c> (chosen on Probability) or <c>probability</c> (chosen on Score).</param>
/// <param name="Threshold">The equivalent threshold, its range and the rows it decides differently.</param>
internal sealed record OtherScaleThreshold(string Prefix, ScaleThreshold Threshold);

/// <summary>The two models' decisions at their thresholds and McNemar's test of them.</summary>
/// <param name="ThresholdA">Model A's threshold.</param>
/// <param name="ThresholdB">Model B's threshold.</param>
/// <param name="Test">McNemar's test.</param>
internal sealed record ModelDecisions(double ThresholdA, double ThresholdB, McNemarTest Test);

/// <summary>What <see cref="EvalExtras.Compute"/> found: null where a section was not asked for.</summary>
/// <param name="Request">What was asked for.</param>
/// <param name="Point">The operating point; null when not asked for or when no threshold qualifies.</param>
/// <param name="Calibration">The reliability curve.</param>
/// <param name="AucInterval">DeLong's interval of ROC AUC.</param>
/// <param name="Comparison">DeLong's paired test of A and B.</param>
/// <param name="Decisions">McNemar at the thresholds; null when a model has no qualifying operating point.</param>
/// <param name="WithoutThreshold">Which model has no qualifying operating point when <paramref name="Decisions"/> is null.</param>
internal sealed record EvalExtrasResult(EvalExtras Request, ThresholdChoice? Point, ReliabilityCurve? Calibration, DeLongAucInterval? AucInterval, DeLongTest? Comparison, ModelDecisions? Decisions, string? WithoutThreshold = null)
{
    /// <summary>The operating point on the model's other scale, when the file has both Score and Probability.</summary>
    public OtherScaleThreshold? OtherScale { get; init; }

    /// <summary>The sections' undefined values, with snake_case names and reasons, for the undefined list.</summary>
    public IEnumerable<(string Metric, string Reason)> Undefined()
    {
        if (Request.OperatingPoint is { } rule && Point is null)
        {
            yield return ("operating_point", rule.Infeasible);
        }

        foreach (var u in AucInterval?.Undefined ?? [])
        {
            yield return ("roc_auc_ci", u.Reason);
        }

        foreach (var u in Comparison?.Undefined ?? [])
        {
            yield return ("comparison", u.Reason);
        }

        if (Comparison is not null && Decisions is null)
        {
            yield return ("comparison.mcnemar", $"{WithoutThreshold} {(WithoutThreshold == "models A and B" ? "have" : "has")} no threshold for --operating-point {Request.OperatingPoint!.Text}, so there are no decisions to compare");
        }
    }
}
