using System.Text.Json;

namespace ClassicalML.Scenarios.ReproducibleSplits;

/// <summary>
/// Facts this program cannot measure because they are Python's behaviour (the answer's valid line), as replicate.py
/// measured and recorded them in replication.json under <c>"precedence"</c>: <c>{"source": "...", "facts": [[name, value], ...]}</c>.
/// The report prints them with replicate.py as their source; no verdict rests on them.
/// </summary>
internal sealed record PythonFacts(string Source, IReadOnlyList<(string Fact, string Value)> Facts)
{
    /// <summary>Reads the facts from replication.json in <paramref name="directory"/>; none when the file or the section is missing.</summary>
    /// <exception cref="InvalidDataException">The file exists but the section is malformed.</exception>
    public static PythonFacts Load(string directory)
    {
        string path = Path.Combine(directory, ReplicationFile.FileName);
        if (!File.Exists(path))
        {
            return new PythonFacts($"not measured: {ReplicationFile.FileName} is not beside the program; run scenarios/ReproducibleSplits/replicate.py", []);
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (!doc.RootElement.TryGetProperty("precedence", out var section))
            {
                return new PythonFacts($"not measured: {path} has no \"precedence\" section; rerun replicate.py", []);
            }

            var facts = section.GetProperty("facts").EnumerateArray()
                .Select(pair => (pair[0].GetString() ?? string.Empty, pair[1].ValueKind == JsonValueKind.String ? pair[1].GetString() ?? string.Empty : pair[1].GetRawText()))
                .ToList();
            return new PythonFacts(section.GetProperty("source").GetString() ?? string.Empty, facts);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidDataException(
                $"{path} has a malformed \"precedence\" section ({e.Message}); it needs {{\"source\": \"...\", \"facts\": [[\"name\", value], ...]}}. Rerun replicate.py.", e);
        }
    }
}
