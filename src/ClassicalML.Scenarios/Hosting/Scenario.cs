namespace ClassicalML.Scenarios;

/// <summary>One experiment behind one interview answer: the question, the answer's claims, the settings and the run.</summary>
/// <typeparam name="TSettings">The scenario's settings record (seed and sizes).</typeparam>
/// <remarks>
/// <see cref="Run"/> does the experiment and returns tables, judged claims and figures; it writes no files and
/// prints nothing (progress goes through <see cref="IProgressReporter"/>). <c>ScenarioHost.Run</c>
/// parses the options, runs it, prints the console summary and writes report.json, report.md and the PNGs.
/// </remarks>
public abstract class Scenario<TSettings> : IScenario
    where TSettings : ScenarioSettings
{
    /// <summary>The stable kebab-case id, e.g. <c>stratified-cv</c>; results go to <c>results/&lt;id&gt;/</c>.</summary>
    public abstract string Id { get; }

    /// <summary>A short title, e.g. "Stratified cross-validation".</summary>
    public abstract string Title { get; }

    /// <summary>The interview question answered.</summary>
    public abstract Question Question { get; }

    /// <summary>The answer's claims, in the order they are reported; <see cref="Run"/> must judge each exactly once.</summary>
    public abstract IReadOnlyList<Claim> Claims { get; }

    /// <summary>The settings of the full run (what run-all uses).</summary>
    public abstract TSettings DefaultSettings { get; }

    /// <summary>Reduced settings for tests and quick looks (option <c>--quick</c>); the full settings unless overridden.</summary>
    public virtual TSettings QuickSettings => DefaultSettings;

    /// <summary>The scenario-specific options, each bound to one setting; none unless overridden.</summary>
    public virtual IReadOnlyList<ScenarioOption<TSettings>> Options => [];

    /// <summary>Checks rules that tie several settings together, e.g. a smallest value below a largest one (each option's
    /// own range is checked by the host already); none unless overridden.</summary>
    /// <param name="settings">The settings about to run.</param>
    /// <returns>Null when the settings are consistent, else one line naming the options, the rule and the fix, e.g.
    /// "--lambda-min is 100 and --lambda-max is 10; --lambda-min must be less than --lambda-max. Pass e.g. --lambda-min 0.01 --lambda-max 10000."</returns>
    public virtual string? CheckSettings(TSettings settings) => null;

    /// <summary>Runs the experiment.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="progress">Where to report progress.</param>
    /// <returns>Tables, judged claims and figures.</returns>
    public abstract ScenarioResult Run(TSettings settings, IProgressReporter progress);

    /// <summary>Creates an option bound to one setting that accepts every value of its type.</summary>
    /// <typeparam name="T">The option's type (int, double, bool, string or an enum).</typeparam>
    /// <param name="name">The option's name with dashes, e.g. <c>--folds</c>; must not be a host option
    /// (<c>--seed</c>, <c>--out</c>, <c>--quick</c>, <c>--verbose</c>, <c>--print-id</c>).</param>
    /// <param name="description">The help text.</param>
    /// <param name="get">Reads the setting.</param>
    /// <param name="set">Returns the settings with the setting replaced, e.g. <c>(s, v) =&gt; s with { Folds = v }</c>.</param>
    /// <returns>The option.</returns>
    /// <remarks>Prefer the overload with an <see cref="OptionRange{T}"/> for numbers: a bad value is then refused before the run starts.</remarks>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not <c>--</c> followed by kebab-case or is a host option, or <paramref name="description"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="get"/> or <paramref name="set"/> is null.</exception>
    protected static ScenarioOption<TSettings> Option<T>(string name, string description, Func<TSettings, T> get, Func<TSettings, T, TSettings> set) =>
        Create(name, description, get, set, null);

    /// <summary>Creates an option bound to one setting, with the values it accepts.</summary>
    /// <typeparam name="T">The option's type (int, double, bool, string or an enum).</typeparam>
    /// <param name="name">The option's name with dashes, e.g. <c>--folds</c>; must not be a host option
    /// (<c>--seed</c>, <c>--out</c>, <c>--quick</c>, <c>--verbose</c>, <c>--print-id</c>).</param>
    /// <param name="description">The help text.</param>
    /// <param name="get">Reads the setting.</param>
    /// <param name="set">Returns the settings with the setting replaced, e.g. <c>(s, v) =&gt; s with { Folds = v }</c>.</param>
    /// <param name="range">The accepted values, e.g. <c>OptionRange.Integers(2, 20)</c>; the host refuses any other value
    /// with one line before the run starts (exit code 2).</param>
    /// <returns>The option.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not <c>--</c> followed by kebab-case or is a host option, or <paramref name="description"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="get"/>, <paramref name="set"/> or <paramref name="range"/> is null.</exception>
    protected static ScenarioOption<TSettings> Option<T>(string name, string description, Func<TSettings, T> get, Func<TSettings, T, TSettings> set, OptionRange<T> range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return Create(name, description, get, set, range);
    }

    private static ScenarioOption<TSettings> Create<T>(string name, string description, Func<TSettings, T> get, Func<TSettings, T, TSettings> set, OptionRange<T>? range)
    {
        if (name is null || !name.StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"name is '{name}'; an option name starts with '--', e.g. '--folds'.", nameof(name));
        }

        Identifiers.RequireKebabCase(name[2..], nameof(name));
        if (ScenarioHost.ReservedOptions.Contains(name))
        {
            throw new ArgumentException(
                $"name is '{name}', which the host already defines ({string.Join(", ", ScenarioHost.ReservedOptions)}); pick another name.", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException($"description of option '{name}' is empty; every option needs help text. Describe the setting.", nameof(description));
        }

        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        return new ScenarioOption<TSettings, T>(name, description, get, set, range);
    }
}
