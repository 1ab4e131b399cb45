using System.Globalization;
using System.Text.Json;

namespace ClassicalML.Scenarios;

/// <summary>
/// One main effect a scenario measures, as a signed number whose sign is its direction (e.g. AUC of stratified
/// minus plain), so that a second implementation can be compared with it by direction.
/// </summary>
/// <param name="Id">A stable kebab-case id, the key of the effect in the scenario's <c>replication.json</c>.</param>
/// <param name="Description">What the number is, e.g. "AP SD over folds, stratified minus plain (satellite-200)".</param>
/// <param name="Value">The effect measured with ML.NET; its sign is the direction.</param>
public sealed record Effect(string Id, string Description, double Value);

/// <summary>One row of the replication table: an effect measured with ML.NET and by the second implementation.</summary>
/// <param name="Effect">The effect as measured with ML.NET.</param>
/// <param name="Replicated">The second implementation's value; NaN when <c>replication.json</c> lacks the effect.</param>
public sealed record ReplicatedEffect(Effect Effect, double Replicated)
{
    /// <summary>Whether both values are defined, non-zero and of the same sign.</summary>
    public bool SameDirection => double.IsFinite(Replicated) && double.IsFinite(Effect.Value)
        && Effect.Value != 0 && Replicated != 0 && Math.Sign(Effect.Value) == Math.Sign(Replicated);

    /// <summary>The table text: <c>yes</c>, <c>no</c>, <c>no (zero effect)</c> or <c>not replicated</c>.</summary>
    public string Agreement => double.IsNaN(Replicated) ? "not replicated"
        : SameDirection ? "yes"
        : Effect.Value == 0 || Replicated == 0 ? "no (zero effect)"
        : "no";
}

/// <summary>
/// The second implementation's measurements of a scenario's main effects: <c>replication.json</c>, written by the
/// scenario's committed <c>replicate.py</c> (scikit-learn) and copied beside the scenario's assembly. Scenario runs
/// and <c>--check</c> read it as it is; neither needs Python.
/// </summary>
/// <remarks>
/// Format: <c>{"implementation": "scikit-learn 1.x ...", "script": "replicate.py", "effects": {"effect-id": number, ...}}</c>.
/// </remarks>
public sealed class ReplicationFile
{
    private ReplicationFile(string implementation, IReadOnlyDictionary<string, double> effects)
    {
        Implementation = implementation;
        Effects = effects;
    }

    /// <summary>The second implementation and its version, e.g. "scikit-learn 1.2.1 (Debian python3-sklearn)".</summary>
    public string Implementation { get; }

    /// <summary>The effects by id.</summary>
    public IReadOnlyDictionary<string, double> Effects { get; }

    /// <summary>The file name looked for beside a scenario's assembly.</summary>
    public const string FileName = "replication.json";

    /// <summary>Parses the text of a <c>replication.json</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's path, for error messages.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="InvalidDataException">The text is not JSON of the documented shape.</exception>
    public static ReplicationFile Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string implementation = root.GetProperty("implementation").GetString() ?? string.Empty;
            var effects = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var effect in root.GetProperty("effects").EnumerateObject())
            {
                effects.Add(effect.Name, effect.Value.ValueKind == JsonValueKind.Number
                    ? effect.Value.GetDouble()
                    : double.Parse(effect.Value.GetString() ?? "NaN", CultureInfo.InvariantCulture));
            }

            return new ReplicationFile(implementation, effects);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException(
                $"{source} is not a replication file ({e.Message}); it needs {{\"implementation\": \"...\", \"effects\": {{\"id\": number}}}}. Regenerate it with the scenario's replicate.py.", e);
        }
    }

    /// <summary>Reads <c>replication.json</c> beside an assembly, if there is one.</summary>
    /// <param name="assemblyDirectory">The folder of the scenario's assembly.</param>
    /// <returns>The file, or null when the folder has none.</returns>
    /// <exception cref="InvalidDataException">The file exists but is malformed.</exception>
    public static ReplicationFile? LoadBeside(string assemblyDirectory)
    {
        string path = Path.Combine(assemblyDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : null;
    }

    /// <summary>Pairs a run's effects with this file's values.</summary>
    /// <param name="scenarioId">The scenario's id, for error messages.</param>
    /// <param name="effects">The effects the run measured.</param>
    /// <returns>One row per effect, in the run's order.</returns>
    /// <exception cref="InvalidOperationException">The file names an effect the run did not measure (a stale file).</exception>
    public IReadOnlyList<ReplicatedEffect> Pair(string scenarioId, IReadOnlyList<Effect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var stale = Effects.Keys.Where(k => effects.All(e => e.Id != k)).ToList();
        if (stale.Count > 0)
        {
            throw new InvalidOperationException(
                $"Scenario '{scenarioId}': {FileName} has effect(s) {string.Join(", ", stale.Select(s => $"'{s}'"))} that the run does not measure; rerun replicate.py or rename the effect.");
        }

        return [.. effects.Select(e => new ReplicatedEffect(e, Effects.TryGetValue(e.Id, out double v) ? v : double.NaN))];
    }
}
