namespace ClassicalML.Scenarios;

/// <summary>Base of every scenario's settings: the seed. A scenario derives a record with its sizes
/// (folds, repetitions, sample sizes) and exposes each one as a <see cref="ScenarioOption{TSettings}"/>.</summary>
/// <remarks>Every random draw of a scenario derives from <see cref="Seed"/> (MathNet's MersenneTwister),
/// so the same settings give the same report, byte for byte.</remarks>
public abstract record ScenarioSettings
{
    /// <summary>The seed of every random draw in the scenario (option <c>--seed</c>).</summary>
    public int Seed { get; init; }
}
