using System.Globalization;

namespace ClassicalML.Evaluation;

/// <summary>
/// The one argument checker of every ClassicalML project (NodaTime's <c>Preconditions</c>): each message reads
/// "name is value; rule. Fix.", so one rule has one wording everywhere, and every
/// <see cref="ArgumentOutOfRangeException"/> carries the actual value.
/// </summary>
/// <remarks>
/// Internal to ClassicalML.Evaluation, the project every other one references, and visible to them through
/// InternalsVisibleTo (see ARCHITECTURE.md). A rule the methods below do not cover goes through
/// <see cref="CheckArgument"/> or <see cref="CheckArgumentRange"/> with a message in the same shape.
/// </remarks>
internal static class Preconditions
{
    /// <summary>Checks the (labels, scores) pair every binary metric takes.</summary>
    /// <exception cref="ArgumentException">Different lengths, empty input, or a non-finite score.</exception>
    internal static void CheckBinaryInput(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, string scoresName = "scores")
    {
        CheckSameLength(labels.Length, scores.Length, "labels", scoresName);
        CheckNotEmpty(labels.Length, "labels", "Pass the labels and scores of one or more examples.");
        CheckScores(scores, scoresName);
    }

    /// <summary>
    /// Checks row weights (scikit-learn's <c>sample_weight</c>) beside the labels: one per label, each a finite number
    /// of at least 0 (0 leaves a row out), and not all 0 (unless <paramref name="allowAllZero"/>: one batch of many).
    /// </summary>
    /// <exception cref="ArgumentException">A different length, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names its row).</exception>
    internal static void CheckWeights(ReadOnlySpan<bool> labels, ReadOnlySpan<double> weights, string weightsName = "weights", bool allowAllZero = false) =>
        CheckWeights(labels.Length, "labels", weights, weightsName, allowAllZero);

    /// <summary>As <see cref="CheckWeights(ReadOnlySpan{bool}, ReadOnlySpan{double}, string, bool)"/>, beside <paramref name="rowCount"/> labels of any type named <paramref name="labelsName"/>.</summary>
    /// <exception cref="ArgumentException">A different length, or every weight is 0.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite (the message names its row).</exception>
    internal static void CheckWeights(int rowCount, string labelsName, ReadOnlySpan<double> weights, string weightsName = "weights", bool allowAllZero = false)
    {
        CheckSameLength(rowCount, weights.Length, labelsName, weightsName);
        bool anyPositive = false;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (!(w >= 0) || !double.IsFinite(w))
            {
                CheckNonNegative(w, weightsName, WeightFix, string.Create(CultureInfo.InvariantCulture, $"{weightsName}[{i}]"));
            }

            anyPositive |= w > 0;
        }

        CheckArgument(
            anyPositive || allowAllZero || weights.IsEmpty,
            weightsName,
            $"{weightsName} are all 0; at least one weight must be greater than 0, or no row counts. Give the rows to evaluate a positive weight.");
    }

    /// <summary>The fix of a bad row weight.</summary>
    internal const string WeightFix = "Pass a weight of at least 0 for every row (0 leaves the row out).";

    /// <summary>Fails on the first NaN or infinite score.</summary>
    /// <exception cref="ArgumentException">A score is NaN or infinite.</exception>
    internal static void CheckScores(ReadOnlySpan<double> scores, string paramName) =>
        CheckFinite(scores, paramName, ScoresFix);

    /// <summary>The error <see cref="CheckScores"/> throws for the non-finite score <paramref name="value"/> at <paramref name="row"/>, for callers that see the scores a chunk at a time.</summary>
    internal static ArgumentException NonFiniteScore(long row, double value, string paramName = "scores") =>
        NotFinite(paramName, row, value, ScoresFix);

    private const string ScoresFix = "Remove or impute non-finite scores before evaluating.";

    /// <summary>A decision threshold: any number but NaN (infinite thresholds predict all or nothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    internal static void CheckThreshold(double threshold, string paramName) =>
        CheckNotNaN(threshold, paramName, "Pass a number such as 0.5 for probabilities or 0 for decision-function values (a row is predicted positive when score >= threshold).");

    /// <summary>The beta of an F-beta score: finite and greater than 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is NaN, infinite, or &lt;= 0.</exception>
    internal static void CheckBeta(double beta, string paramName) =>
        CheckPositive(beta, paramName, "Pass a positive beta such as 1, 0.5 or 2 (beta < 1 weighs precision more, beta > 1 weighs recall more).");

    /// <summary>The nominal coverage of an interval: strictly between 0 and 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is NaN or outside (0, 1).</exception>
    internal static void CheckConfidence(double confidence) =>
        CheckOpenUnitInterval(confidence, nameof(confidence), "Pass, for example, 0.95 for a 95% interval.");

    /// <summary>The number of bootstrap resamples: at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resamples"/> &lt; 1.</exception>
    internal static void CheckResamples(int resamples) =>
        CheckAtLeast(resamples, 1, nameof(resamples), "Pass, for example, 1000.");

    /// <summary>The number of folds of a k-fold splitter: at least 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 2.</exception>
    internal static void CheckFolds(int k) =>
        CheckAtLeast(k, 2, nameof(k), "Use k >= 2, e.g. k: 5.");

    /// <summary>A splitter's shuffle and seed, refused in pointless combinations (scikit-learn's words for the first).</summary>
    /// <exception cref="ArgumentException">A seed without shuffling, or shuffling without a seed.</exception>
    internal static void CheckShuffleSeed(bool shuffle, int? seed)
    {
        CheckArgument(shuffle || seed is null, nameof(seed), SeedWithoutShuffle);
        CheckArgument(!shuffle || seed is not null, nameof(seed), ShuffleWithoutSeed);
    }

    /// <summary>The message when a seed is given but shuffle is false.</summary>
    internal const string SeedWithoutShuffle =
        "Setting a random seed has no effect since shuffle is false. Set shuffle: true, or remove the seed.";

    /// <summary>The message when shuffle is true but no seed is given.</summary>
    internal const string ShuffleWithoutSeed =
        "shuffle is true but no seed was given; every random draw in ClassicalML takes an explicit seed. Pass seed: 0 (or any integer).";

    /// <summary>Fails when there are fewer rows than folds: every fold needs a test row.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> &lt; <paramref name="k"/>.</exception>
    internal static void CheckRowsForFolds(int k, int rowCount, string paramName)
    {
        if (rowCount < k)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                rowCount,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} has {rowCount} rows but k is {k}; every fold needs at least one test row. Use k <= {rowCount} or add rows."));
        }
    }

    /// <summary>A split's test and validation fractions: test in (0, 1), validation in [0, 1), together below 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A fraction outside its range.</exception>
    /// <exception cref="ArgumentException">The fractions leave no training rows.</exception>
    internal static void CheckSplitFractions(double testFraction, double validationFraction)
    {
        CheckOpenUnitInterval(testFraction, nameof(testFraction), "Use e.g. testFraction: 0.2.");
        CheckFraction(validationFraction, nameof(validationFraction), "Use 0 for a plain train/test split.");
        CheckArgument(
            testFraction + validationFraction < 1,
            nameof(validationFraction),
            string.Create(CultureInfo.InvariantCulture, $"testFraction + validationFraction is {testFraction} + {validationFraction} = {testFraction + validationFraction}; {LeaveTrainingRowsRule}. Lower one of the fractions."));
    }

    /// <summary>Fails when a collection has no element: "{name} is empty; at least one element is required. {fix}".</summary>
    /// <exception cref="ArgumentException"><paramref name="length"/> is 0.</exception>
    internal static void CheckNotEmpty(int length, string paramName, string fix, string? name = null)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{name ?? paramName} is empty; at least one element is required. {fix}", paramName);
        }
    }

    /// <summary>Fails when two parallel collections differ in length, naming both lengths.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    internal static void CheckSameLength(int firstLength, int secondLength, string firstName, string secondName)
    {
        if (firstLength != secondLength)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{firstName} has {firstLength} elements but {secondName} has {secondLength}; they must have the same length (one {Singular(secondName)} per {Singular(firstName)}). Pass parallel arrays of equal length."),
                secondName);
        }
    }

    /// <summary>Fails on the first NaN or infinite element, naming its index and value.</summary>
    /// <exception cref="ArgumentException">An element is NaN or infinite.</exception>
    internal static void CheckFinite(ReadOnlySpan<double> values, string paramName, string fix)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw NotFinite(paramName, i, values[i], fix);
            }
        }
    }

    private static ArgumentException NotFinite(string paramName, long index, double value, string fix) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}] is {Describe(value)}; every element must be a finite number. {fix}"), paramName);

    /// <summary>Fails unless a number is finite (neither NaN nor infinite).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    internal static void CheckFiniteNumber(double value, string paramName, string fix, string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw OutOfRange(paramName, value, "it must be a finite number", fix, name);
        }
    }

    /// <summary>Fails unless min &lt;= value &lt;= max, where max is another argument (a bound named in the message).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or outside [min, max].</exception>
    internal static void CheckBetween(double value, double min, double max, string maxName, string paramName, string fix)
    {
        if (!(value >= min && value <= max))
        {
            throw OutOfRange(paramName, value, $"it must be at least {Describe(min)} and at most {maxName} = {Describe(max)}", fix);
        }
    }

    /// <summary>Fails unless a range's bounds are numbers with min &lt;= max (or min &lt; max when <paramref name="open"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN, or <paramref name="max"/> is below (or, open, equal to) <paramref name="min"/>.</exception>
    /// <remarks>Every failure names <c>max</c> as the parameter, as the range factories always have.</remarks>
    internal static void CheckRange(double min, double max, bool open, string fix)
    {
        if (double.IsNaN(min) || double.IsNaN(max))
        {
            throw OutOfRange(nameof(max), double.IsNaN(min) ? min : max, NumberRule, fix, double.IsNaN(min) ? nameof(min) : nameof(max));
        }

        if (max < min || (open && max == min))
        {
            throw OutOfRange(nameof(max), max, $"it must be {(open ? "greater than" : "at least")} min = {Describe(min)}", fix);
        }
    }

    /// <summary>Fails when a number is NaN (infinities are allowed, e.g. thresholds that predict all or nothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    internal static void CheckNotNaN(double value, string paramName, string fix)
    {
        if (double.IsNaN(value))
        {
            throw OutOfRange(paramName, value, NumberRule, fix);
        }
    }

    /// <summary>Fails unless the number is finite and greater than 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite, or &lt;= 0.</exception>
    internal static void CheckPositive(double value, string paramName, string fix, string? name = null)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw OutOfRange(paramName, value, "it must be a finite number greater than 0", fix, name);
        }
    }

    /// <summary>Fails unless the number is finite and at least 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite, or &lt; 0.</exception>
    internal static void CheckNonNegative(double value, string paramName, string fix, string? name = null)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw OutOfRange(paramName, value, "it must be a finite number of at least 0", fix, name);
        }
    }

    /// <summary>Fails unless 0 &lt; value &lt; 1 (a confidence, a test fraction).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or outside (0, 1).</exception>
    internal static void CheckOpenUnitInterval(double value, string paramName, string fix, string? name = null)
    {
        if (!(value > 0 && value < 1))
        {
            throw OutOfRange(paramName, value, OpenUnitIntervalRule, fix, name);
        }
    }

    /// <summary>Fails unless 0 &lt;= value &lt; 1 (a share that may be empty but not everything).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or outside [0, 1).</exception>
    internal static void CheckFraction(double value, string paramName, string fix)
    {
        if (!(value >= 0 && value < 1))
        {
            throw OutOfRange(paramName, value, "it must be at least 0 and less than 1", fix);
        }
    }

    /// <summary>Fails unless 0 &lt; value &lt;= 1 (a share that may be everything but not empty).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or outside (0, 1].</exception>
    internal static void CheckShare(double value, string paramName, string fix, string? name = null)
    {
        if (!(value > 0 && value <= 1))
        {
            throw OutOfRange(paramName, value, "it must be greater than 0 and at most 1", fix, name);
        }
    }

    /// <summary>Fails unless 0 &lt;= value &lt;= 1 (a probability, a share that may be none or all).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or outside [0, 1].</exception>
    internal static void CheckProbability(double value, string paramName, string fix, string? name = null)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw OutOfRange(paramName, value, "it must be at least 0 and at most 1", fix, name);
        }
    }

    /// <summary>Fails when an integer is below its minimum.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> &lt; <paramref name="min"/>.</exception>
    internal static void CheckAtLeast(long value, long min, string paramName, string fix, string? name = null)
    {
        if (value < min)
        {
            throw OutOfRange(paramName, value, AtLeastRule(min), fix, name);
        }
    }

    /// <summary>Fails when an integer is outside [min, max] (NodaTime's <c>CheckArgumentRange</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside the range.</exception>
    internal static void CheckArgumentRange(long value, long min, long max, string paramName, string fix)
    {
        if (value < min || value > max)
        {
            throw OutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture, $"it must be between {min} and {max}"), fix);
        }
    }

    /// <summary>Fails when an enum argument holds a value that is not one of its named members.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined member.</exception>
    internal static void CheckDefined<TEnum>(TEnum value, string paramName, string? name = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            var names = Enum.GetNames<TEnum>();
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name ?? paramName} is {Convert.ToInt64(value, CultureInfo.InvariantCulture)}, which is not a {typeof(TEnum).Name} member; it must be one of {string.Join(", ", names)}. Pass a named member, e.g. {typeof(TEnum).Name}.{names[0]}."));
        }
    }

    /// <summary>Fails when a text is null, empty or only white space.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank.</exception>
    internal static void CheckNotBlank(string? value, string paramName, string fix, string? name = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name ?? paramName} is empty; it must contain text. {fix}", paramName);
        }
    }

    /// <summary>Fails unless a text is one of the allowed values (compared exactly), listing them.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not among <paramref name="allowed"/>.</exception>
    internal static void CheckOneOf(string value, IReadOnlyCollection<string> allowed, string paramName, string fix)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{paramName} is '{value}'; it must be one of {string.Join(", ", allowed)}. {fix}", paramName);
        }
    }

    /// <summary>A rule of one call site: fails with <paramref name="message"/> ("name is value; rule. Fix.") unless the condition holds.</summary>
    /// <exception cref="ArgumentException"><paramref name="condition"/> is false.</exception>
    internal static void CheckArgument(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>The exception for a value out of range: "{name} is {value}; {rule}. {fix}", with the value attached.</summary>
    /// <param name="paramName">The parameter, as <see cref="ArgumentException.ParamName"/>.</param>
    /// <param name="value">The offending value.</param>
    /// <param name="rule">The rule, completing "{name} is {value}; …".</param>
    /// <param name="fix">How to fix it.</param>
    /// <param name="name">The name the message shows when it is not the parameter's (an options member such as
    /// <c>options.NumberOfMembers</c>, an element such as <c>rows[3]</c>); null for <paramref name="paramName"/>.</param>
    internal static ArgumentOutOfRangeException OutOfRange(string paramName, object value, string rule, string fix, string? name = null) =>
        new(paramName, value, $"{name ?? paramName} is {DescribeValue(value)}; {rule}. {fix}");

    /// <summary>The exception for a row index outside [0, <paramref name="rowCount"/>): "rows[k] is value; a row index must be in [0, n) for {owner}. Pass indexes of existing rows.".</summary>
    /// <param name="paramName">The parameter holding the indexes.</param>
    /// <param name="position">Where in it the bad index stands.</param>
    /// <param name="value">The bad index (the exception's actual value).</param>
    /// <param name="rowCount">How many rows there are.</param>
    /// <param name="owner">What the rows belong to, e.g. "this data view" or "data set 'sonar'".</param>
    internal static ArgumentOutOfRangeException RowIndexOutOfRange(string paramName, int position, int value, long rowCount, string owner) =>
        OutOfRange(
            paramName,
            value,
            string.Create(CultureInfo.InvariantCulture, $"a row index must be in [0, {rowCount}) for {owner}"),
            "Pass indexes of existing rows.",
            string.Create(CultureInfo.InvariantCulture, $"{paramName}[{position}]"));

    /// <summary>The rule of <see cref="CheckNotNaN"/>, also in the tool's option errors.</summary>
    internal const string NumberRule = "it must be a number";

    /// <summary>The rule of <see cref="CheckOpenUnitInterval"/>, also in the tool's option errors.</summary>
    internal const string OpenUnitIntervalRule = "it must be greater than 0 and less than 1";

    /// <summary>The rule of <see cref="CheckAtLeast"/>, also in the tool's option errors.</summary>
    internal static string AtLeastRule(long min) => string.Create(CultureInfo.InvariantCulture, $"it must be at least {min}");

    /// <summary>The rule of <see cref="CheckSplitFractions"/>' sum, also in the tool's option errors.</summary>
    internal const string LeaveTrainingRowsRule = "it must be less than 1 to leave training rows";

    /// <summary>A number as people read it in messages: invariant culture, round-trippable, explicit infinities.</summary>
    internal static string Describe(double value) => value switch
    {
        double.PositiveInfinity => "+infinity",
        double.NegativeInfinity => "-infinity",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>A label or other value as messages show it (invariant culture).</summary>
    internal static string Format<T>(T value)
        where T : notnull
        => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static string DescribeValue(object value) => value is double d ? Describe(d) : Format(value);

    private static string Singular(string name) => name.EndsWith('s') && name != "series" ? name[..^1] : name;
}
