namespace ClassicalML.Scenarios;

/// <summary>What a scenario's run produced: its tables, its judged claims, its figures and a closing paragraph.</summary>
public sealed class ScenarioResult
{
    /// <summary>The tables of key numbers, in display order; names must be unique.</summary>
    public required IReadOnlyList<ReportTable> Tables { get; init; }

    /// <summary>Every claim of the scenario judged exactly once, in any order (reports follow <see cref="Scenario{TSettings}.Claims"/>).</summary>
    public required IReadOnlyList<ClaimResult> Claims { get; init; }

    /// <summary>
    /// Wall-clock measurements (training times and the like), as tables. They are written to report.json under
    /// <c>timings</c> and to report.md, but they are not reproducible, so <c>--check</c> compares only their shape
    /// (table names, row counts, columns and text cells), never their numbers. Never put a timing in <see cref="Tables"/>,
    /// and never judge a claim's verdict from a timing.
    /// </summary>
    public IReadOnlyList<ReportTable> Timings { get; init; } = [];

    /// <summary>
    /// The main effects, each a signed number whose sign is its direction, that the scenario's <c>replicate.py</c>
    /// measures again with scikit-learn; the report pairs them with <c>replication.json</c> (ids must be unique kebab-case).
    /// </summary>
    public IReadOnlyList<Effect> Effects { get; init; } = [];

    /// <summary>The figures to draw; file names must be unique.</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>An optional closing paragraph quoting the measured numbers (built from them, not typed in).</summary>
    public string? Summary { get; init; }
}
