using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace ClassicalML.Scenarios;

/// <summary>A scenario-specific command-line option bound to one setting, e.g. <c>--folds</c> to <c>Folds</c>.</summary>
/// <typeparam name="TSettings">The scenario's settings record.</typeparam>
/// <remarks>Create one with <see cref="Scenario{TSettings}.Option{T}"/>. Its value is also written under
/// <c>settings</c> in report.json (key: the option name without dashes).</remarks>
public abstract class ScenarioOption<TSettings>
    where TSettings : ScenarioSettings
{
    private protected ScenarioOption(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The option's name, e.g. <c>--folds</c>.</summary>
    public string Name { get; }

    /// <summary>The option's help text.</summary>
    public string Description { get; }

    /// <summary>The key under <c>settings</c> in report.json: the name without leading dashes.</summary>
    public string Key => Name.TrimStart('-');

    internal abstract Option CreateOption();

    internal abstract TSettings Apply(ParseResult result, Option option, TSettings settings);

    internal abstract object? GetValue(TSettings settings);
}

internal sealed class ScenarioOption<TSettings, T> : ScenarioOption<TSettings>
    where TSettings : ScenarioSettings
{
    private readonly Func<TSettings, T> _get;
    private readonly Func<TSettings, T, TSettings> _set;

    public ScenarioOption(string name, string description, Func<TSettings, T> get, Func<TSettings, T, TSettings> set)
        : base(name, description)
    {
        _get = get;
        _set = set;
    }

    internal override Option CreateOption() => new Option<T>(Name) { Description = Description };

    internal override TSettings Apply(ParseResult result, Option option, TSettings settings)
    {
        if (result.GetResult(option) is not { Implicit: false })
        {
            return settings;
        }

        T value = result.GetValue((Option<T>)option)!;
        return _set(settings, value);
    }

    internal override object? GetValue(TSettings settings) => _get(settings);
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
