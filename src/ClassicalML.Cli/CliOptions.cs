using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>Option helpers shared by the commands.</summary>
internal static class CliOptions
{
    /// <summary>Refuses values of <paramref name="option"/> other than <paramref name="allowed"/>, naming them.</summary>
    internal static void OneOf(Option<string> option, params string[] allowed)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (Array.IndexOf(allowed, value) < 0)
            {
                result.AddError($"{option.Name} is '{value}'; it must be {string.Join(", ", allowed[..^1])} or {allowed[^1]}.");
            }
        });
    }

    /// <summary>Parses a whole-number option in the invariant culture, or reports "--option expects a whole number".</summary>
    internal static int? ParseInt(ArgumentResult result)
    {
        var token = result.Tokens[^1].Value;
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} expects a whole number, got '{token}'.");
        return null;
    }

    /// <summary>Parses a number option in the invariant culture (a dot, never a comma), or reports the expected form with <paramref name="example"/>.</summary>
    internal static double? ParseDouble(ArgumentResult result, string example)
    {
        var token = result.Tokens[^1].Value;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} expects a number such as {example} (with a dot), got '{token}'.");
        return null;
    }

    /// <summary>An option's value refused by a rule of the one checker (<see cref="Preconditions"/>), in the tool's
    /// one-line form: "--option is value; rule. Fix.".</summary>
    internal static UsageException Invalid(string option, object value, string rule, string fix) =>
        new($"{option} is {(value is double d ? Preconditions.Describe(d) : Preconditions.Format(value))}; {rule}. {fix}");

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? "value";

    /// <summary>The --delimiter value as a character: one character, or tab written as "tab" or "\t".</summary>
    internal static char? DelimiterOf(string? value) => value switch
    {
        null => null,
        "tab" or "\\t" => '\t',
        { Length: 1 } when value[0] is '"' or '\n' or '\r' => throw new UsageException($"--delimiter cannot be a quote or a line break; pass the character that separates fields, e.g. --delimiter ';'."),
        { Length: 1 } => value[0],
        _ => throw new UsageException($"--delimiter is '{value}'; it must be one character (e.g. --delimiter ';' or --delimiter '|') or tab."),
    };
}
