using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace ClassicalML.Scenarios;

/// <summary>A scenario-specific command-line option bound to one setting, e.g. <c>--folds</c> to <c>Folds</c>.</summary>
/// <typeparam name="TSettings">The scenario's settings record.</typeparam>
/// <remarks>Create one with <c>Scenario.Option(name, description, get, set, range)</c>.
/// Its value is also written under <c>settings</c> in report.json (key: the option name without dashes). The host checks
/// the value against the option's range before the run starts; <c>--help</c> shows the range and the default values.</remarks>
public abstract class ScenarioOption<TSettings>
    where TSettings : ScenarioSettings
{
    private protected ScenarioOption(string name, string description, string? rule)
    {
        Name = name;
        Description = description;
        Rule = rule;
    }

    /// <summary>The option's name, e.g. <c>--folds</c>.</summary>
    public string Name { get; }

    /// <summary>The option's help text.</summary>
    public string Description { get; }

    /// <summary>The accepted values in words (e.g. "an integer from 2 to 20"), or <see langword="null"/> when every value of the type is accepted.</summary>
    public string? Rule { get; }

    /// <summary>The key under <c>settings</c> in report.json: the name without leading dashes.</summary>
    public string Key => Name.TrimStart('-');

    /// <summary>The help text with the rule and the defaults, e.g. "Folds per repeat (an integer from 2 to 20; default 5, with --quick 3).".</summary>
    internal string HelpText(TSettings defaults, TSettings quick)
    {
        string value = JsonValues.Format(GetValue(defaults));
        string quickValue = JsonValues.Format(GetValue(quick));
        string defaultsText = value == quickValue ? $"default {value}" : $"default {value}, with --quick {quickValue}";
        return $"{Description.TrimEnd('.')} ({(Rule is null ? string.Empty : Rule + "; ")}{defaultsText}).";
    }

    /// <summary>The one-line error when the option's value in <paramref name="settings"/> is outside its range, else null.</summary>
    internal string? Problem(TSettings settings, TSettings defaults) =>
        Accepts(settings)
            ? null
            : $"{Name} is {Quote(GetValue(settings))}; it must be {Rule}. Pass e.g. {Name} {JsonValues.Format(GetValue(defaults))}.";

    internal abstract Option CreateOption(string helpText);

    internal abstract TSettings Apply(ParseResult result, Option option, TSettings settings);

    internal abstract bool IsGiven(ParseResult result, Option option);

    internal abstract object? GetValue(TSettings settings);

    internal abstract bool Accepts(TSettings settings);

    private static string Quote(object? value) => value is string s ? $"'{s}'" : JsonValues.Format(value);
}

internal sealed class ScenarioOption<TSettings, T> : ScenarioOption<TSettings>
    where TSettings : ScenarioSettings
{
    private readonly Func<TSettings, T> _get;
    private readonly Func<TSettings, T, TSettings> _set;
    private readonly OptionRange<T>? _range;

    public ScenarioOption(string name, string description, Func<TSettings, T> get, Func<TSettings, T, TSettings> set, OptionRange<T>? range)
        : base(name, description, range?.Rule)
    {
        _get = get;
        _set = set;
        _range = range;
    }

    internal override Option CreateOption(string helpText) => new Option<T>(Name) { Description = helpText };

    internal override bool IsGiven(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    internal override TSettings Apply(ParseResult result, Option option, TSettings settings)
    {
        if (!IsGiven(result, option))
        {
            return settings;
        }

        T value = result.GetValue((Option<T>)option)!;
        return _set(settings, value);
    }

    internal override object? GetValue(TSettings settings) => _get(settings);

    internal override bool Accepts(TSettings settings) => _range is null || _range.Contains(_get(settings));
}

internal static class JsonValues
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: WriteDouble(writer, d); break;
            case float f: WriteDouble(writer, f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case Enum e: writer.WriteStringValue(e.ToString()); break;
            case IFormattable f: writer.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }

    /// <summary>JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity", "-Infinity".</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value); // shortest round-trip form ("R")
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
