using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>eval --operating-point RULE</c>: which <see cref="ThresholdSelection"/> rule picks the threshold, parsed from
/// its command-line spelling (<c>max-f1</c>, <c>max-fbeta:B</c>, <c>youden</c>, <c>max-balanced-accuracy</c>,
/// <c>min-cost:CFP,CFN[,PRIOR]</c>, <c>recall-at-precision:P</c>, <c>tpr-at-fpr:A</c>, <c>reach-recall:R</c>).
/// </summary>
/// <param name="Text">The rule as given.</param>
/// <param name="Name">The rule's name (before the colon).</param>
/// <param name="Parameters">Its numbers (after the colon).</param>
internal sealed record OperatingPointRule(string Text, string Name, double[] Parameters)
{
    /// <summary>One line per rule, for --help and the README.</summary>
    public const string Help =
        "Choose the threshold over every distinct score and report that point (confusion counts, precision, recall, FPR, F1): "
        + "max-f1 (highest F1); max-fbeta:B (highest F-beta, B > 0, e.g. max-fbeta:2 weighs recall more); youden (highest TPR - FPR); "
        + "max-balanced-accuracy (highest (TPR + TNR) / 2); min-cost:CFP,CFN[,PRIOR] (lowest expected cost per row for a false positive costing CFP "
        + "and a false negative CFN, under the sample's share of positives or PRIOR); recall-at-precision:P (highest recall with precision >= P); "
        + "tpr-at-fpr:A (highest TPR with FPR <= A); reach-recall:R (the highest threshold whose recall is >= R). Ties: the highest threshold. Example: --operating-point min-cost:1,5";

    private const string Fix = "Use one of max-f1, max-fbeta:B, youden, max-balanced-accuracy, min-cost:CFP,CFN[,PRIOR], recall-at-precision:P, tpr-at-fpr:A, reach-recall:R, e.g. --operating-point recall-at-precision:0.9.";

    /// <summary>Parses a rule; a bad one is a one-line usage error naming the option, the value and the fix.</summary>
    /// <exception cref="UsageException">Unknown rule, wrong number of parameters, or a parameter out of range.</exception>
    public static OperatingPointRule Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        string[] parts = colon < 0 ? [] : text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                throw Bad(text, $"'{parts[i]}' is not a finite number (write numbers with a dot, separated by commas)");
            }
        }

        (int min, int max, string? rangeProblem) = name switch
        {
            "max-f1" or "youden" or "max-balanced-accuracy" => (0, 0, null),
            "max-fbeta" => (1, 1, numbers.Length == 1 && !(numbers[0] > 0) ? "B must be greater than 0" : null),
            "min-cost" => (2, 3, CostProblem(numbers)),
            "recall-at-precision" => (1, 1, numbers.Length == 1 && !(numbers[0] is >= 0 and <= 1) ? "P must be between 0 and 1" : null),
            "tpr-at-fpr" => (1, 1, numbers.Length == 1 && !(numbers[0] is >= 0 and <= 1) ? "A must be between 0 and 1" : null),
            "reach-recall" => (1, 1, numbers.Length == 1 && !(numbers[0] is > 0 and <= 1) ? "R must be greater than 0 and at most 1" : null),
            _ => throw Bad(text, $"'{name}' is not a rule"),
        };
        if (numbers.Length < min || numbers.Length > max)
        {
            string expected = max == 0 ? "no parameter" : min == max ? $"{min} parameter{(min == 1 ? string.Empty : "s")}" : $"{min} to {max} parameters";
            throw Bad(text, $"{name} takes {expected}, got {numbers.Length}");
        }

        return rangeProblem is null ? new OperatingPointRule(text, name, numbers) : throw Bad(text, rangeProblem);
    }

    /// <summary>Applies the rule; null when a constrained rule has no qualifying threshold.</summary>
    public ThresholdChoice? Choose(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double[]? weights) => (Name, weights) switch
    {
        ("max-f1", null) => ThresholdSelection.MaximizeF1(labels, scores),
        ("max-f1", _) => ThresholdSelection.MaximizeF1(labels, scores, weights),
        ("max-fbeta", null) => ThresholdSelection.MaximizeFBeta(labels, scores, Parameters[0]),
        ("max-fbeta", _) => ThresholdSelection.MaximizeFBeta(labels, scores, weights, Parameters[0]),
        ("youden", null) => ThresholdSelection.MaximizeYoudenJ(labels, scores),
        ("youden", _) => ThresholdSelection.MaximizeYoudenJ(labels, scores, weights),
        ("max-balanced-accuracy", null) => ThresholdSelection.MaximizeBalancedAccuracy(labels, scores),
        ("max-balanced-accuracy", _) => ThresholdSelection.MaximizeBalancedAccuracy(labels, scores, weights),
        ("min-cost", null) => ThresholdSelection.MinimizeExpectedCost(labels, scores, Parameters[0], Parameters[1], Prior),
        ("min-cost", _) => ThresholdSelection.MinimizeExpectedCost(labels, scores, weights, Parameters[0], Parameters[1], Prior),
        ("recall-at-precision", null) => ThresholdSelection.MaximizeRecallAtPrecision(labels, scores, Parameters[0]),
        ("recall-at-precision", _) => ThresholdSelection.MaximizeRecallAtPrecision(labels, scores, weights, Parameters[0]),
        ("tpr-at-fpr", null) => ThresholdSelection.MaximizeTprAtFpr(labels, scores, Parameters[0]),
        ("tpr-at-fpr", _) => ThresholdSelection.MaximizeTprAtFpr(labels, scores, weights, Parameters[0]),
        ("reach-recall", null) => ThresholdSelection.ReachRecall(labels, scores, Parameters[0]),
        _ => ThresholdSelection.ReachRecall(labels, scores, weights, Parameters[0]),
    };

    /// <summary>What <see cref="ThresholdChoice.Value"/> holds under this rule, for the outputs.</summary>
    public string ValueName => Name switch
    {
        "max-f1" => "f1",
        "max-fbeta" => "fbeta",
        "youden" => "youden_j",
        "max-balanced-accuracy" => "balanced_accuracy",
        "min-cost" => "expected_cost",
        "tpr-at-fpr" => "tpr",
        _ => "recall",
    };

    /// <summary>Why no threshold qualifies, when <see cref="Choose"/> returns null.</summary>
    public string Infeasible => Name == "tpr-at-fpr"
        ? Invariant($"no observed score has FPR <= {Parameters[0]:R} (even the highest score is reached by too many negatives); only predicting no positive does")
        : Invariant($"no observed score reaches precision >= {Parameters[0]:R}");

    private double? Prior => Parameters.Length == 3 ? Parameters[2] : null;

    private static string? CostProblem(double[] numbers) =>
        numbers.Length is < 2 or > 3 ? null
        : numbers[0] < 0 || numbers[1] < 0 ? "the costs CFP and CFN must be at least 0"
        : numbers.Length == 3 && !(numbers[2] is > 0 and < 1) ? "PRIOR (the share of positives) must be greater than 0 and less than 1"
        : null;

    private static UsageException Bad(string text, string problem) => new($"--operating-point is '{text}'; {problem}. {Fix}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
