using System.CommandLine;
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

    /// <summary>An option's value refused by a rule of the one checker (<see cref="Preconditions"/>), in the tool's
    /// one-line form: "--option is value; rule. Fix.".</summary>
    internal static UsageException Invalid(string option, object value, string rule, string fix) =>
        new($"{option} is {(value is double d ? Preconditions.Describe(d) : Preconditions.Format(value))}; {rule}. {fix}");

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
