using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClassicalML.Scenarios;

/// <summary>The report of one scenario run: what report.json and report.md hold.</summary>
/// <remarks>
/// report.json keys, always in this order: <c>id</c>, <c>title</c>, <c>question</c> {<c>number</c>, <c>text</c>},
/// <c>settings</c> {<c>seed</c>, then each scenario option by name}, <c>claims</c> [{<c>id</c>, <c>claim</c>,
/// <c>verdict</c>, <c>criterion</c>, <c>evidence</c>}] in the scenario's claim order, <c>tables</c> {name: [row
/// objects keyed by column]}, <c>figures</c> [file names], <c>summary</c> (string or null). Doubles are written in
/// shortest round-trip form, text with the invariant culture, lines end in <c>\n</c>; nothing depends on the
/// clock or the machine, so reruns are byte-identical. Wall-clock measurements (<see cref="ScenarioResult.Timings"/>)
/// go to <see cref="TimingsJsonFile"/> and <see cref="TimingsMarkdownFile"/> beside the report instead (git-ignored,
/// never compared), and report.md links them.
/// </remarks>
public sealed class ScenarioReport
{
    /// <summary>The file beside report.json holding the wall-clock timing tables: <c>{"id": …, "timings": {name: [rows]}}</c>.</summary>
    public const string TimingsJsonFile = "timings.json";

    /// <summary>The file beside report.md showing the wall-clock timing tables.</summary>
    public const string TimingsMarkdownFile = "timings.md";

    private ScenarioReport(string id, string title, Question question, IReadOnlyList<KeyValuePair<string, object?>> settings,
        IReadOnlyList<ClaimResult> claims, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportTable> timings,
        IReadOnlyList<Figure> figures, string? summary, IReadOnlyList<ReplicatedEffect> replication, string? implementation)
    {
        Replication = replication;
        ReplicationImplementation = implementation;
        Timings = timings;
        Id = id;
        Title = title;
        Question = question;
        Settings = settings;
        Claims = claims;
        Tables = tables;
        Figures = figures;
        Summary = summary;
    }

    /// <summary>The scenario's id.</summary>
    public string Id { get; }

    /// <summary>The scenario's title.</summary>
    public string Title { get; }

    /// <summary>The question answered.</summary>
    public Question Question { get; }

    /// <summary>The settings used: <c>seed</c>, then each scenario option's key and value.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Settings { get; }

    /// <summary>The judged claims in the scenario's claim order.</summary>
    public IReadOnlyList<ClaimResult> Claims { get; }

    /// <summary>The tables.</summary>
    public IReadOnlyList<ReportTable> Tables { get; }

    /// <summary>The wall-clock timing tables (not reproducible): written to <see cref="TimingsJsonFile"/> and <see cref="TimingsMarkdownFile"/>, never to report.json.</summary>
    public IReadOnlyList<ReportTable> Timings { get; }

    /// <summary>The figures.</summary>
    public IReadOnlyList<Figure> Figures { get; }

    /// <summary>The closing paragraph, if any.</summary>
    public string? Summary { get; }

    /// <summary>The main effects paired with the second implementation's values (empty when the scenario names none).</summary>
    public IReadOnlyList<ReplicatedEffect> Replication { get; }

    /// <summary>The second implementation named in <c>replication.json</c>; null when the scenario has no such file.</summary>
    public string? ReplicationImplementation { get; }

    /// <summary>Assembles the report of a run and checks that it is complete.</summary>
    /// <typeparam name="TSettings">The scenario's settings type.</typeparam>
    /// <param name="scenario">The scenario.</param>
    /// <param name="settings">The settings it ran with.</param>
    /// <param name="result">What the run returned.</param>
    /// <param name="replication">The second implementation's values; by default <c>replication.json</c> beside the
    /// scenario's assembly, if there is one.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">A claim is judged twice or not at all, an unknown claim is judged,
    /// the scenario's id or claim ids are not unique kebab-case, or table names or figure file names repeat.</exception>
    public static ScenarioReport Create<TSettings>(Scenario<TSettings> scenario, TSettings settings, ScenarioResult result, ReplicationFile? replication = null)
        where TSettings : ScenarioSettings
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        string id = scenario.Id;
        try
        {
            Identifiers.RequireKebabCase(id, "Id");
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Scenario {scenario.GetType().Name}: {e.Message}", e);
        }

        var declared = scenario.Claims;
        var duplicateClaim = declared.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateClaim is not null)
        {
            throw new InvalidOperationException($"Scenario '{id}' declares claim '{duplicateClaim.Key}' twice; claim ids must be unique. Rename one.");
        }

        var judged = new Dictionary<string, ClaimResult>(StringComparer.Ordinal);
        foreach (var claimResult in result.Claims)
        {
            if (!declared.Contains(claimResult.Claim))
            {
                throw new InvalidOperationException(
                    $"Scenario '{id}' judged claim '{claimResult.Claim.Id}', which is not in its Claims; judge only the declared claims (use the same Claim objects).");
            }

            if (!judged.TryAdd(claimResult.Claim.Id, claimResult))
            {
                throw new InvalidOperationException($"Scenario '{id}' judged claim '{claimResult.Claim.Id}' twice; judge each claim exactly once.");
            }
        }

        var missing = declared.Where(c => !judged.ContainsKey(c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Scenario '{id}' did not judge claim(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; every claim needs a computed verdict.");
        }

        RequireUnique(id, "table", result.Tables.Select(t => t.Name).Concat(result.Timings.Select(t => t.Name)));
        RequireUnique(id, "figure file", result.Figures.Select(f => f.FileName));
        RequireUnique(id, "effect", result.Effects.Select(e => e.Id));
        foreach (var effect in result.Effects)
        {
            Identifiers.RequireKebabCase(effect.Id, "Effect.Id");
        }

        replication ??= ReplicationFile.LoadBeside(Path.GetDirectoryName(scenario.GetType().Assembly.Location) ?? AppContext.BaseDirectory);
        IReadOnlyList<ReplicatedEffect> replicated = replication is null
            ? [.. result.Effects.Select(e => new ReplicatedEffect(e, double.NaN))]
            : replication.Pair(id, result.Effects);

        var settingValues = new List<KeyValuePair<string, object?>> { new("seed", settings.Seed) };
        foreach (var option in scenario.Options)
        {
            settingValues.Add(new(option.Key, option.GetValue(settings)));
        }

        RequireUnique(id, "option", settingValues.Select(s => s.Key));

        return new ScenarioReport(id, scenario.Title, scenario.Question, settingValues,
            [.. declared.Select(c => judged[c.Id])], [.. result.Tables], [.. result.Timings], [.. result.Figures], result.Summary,
            replicated, replication?.Implementation);
    }

    private static void RequireUnique(string id, string what, IEnumerable<string> names)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Scenario '{id}' has two {what}s named '{duplicate.Key}'; names must be unique. Rename one.");
        }
    }

    /// <summary>Writes report.json's text (UTF-8 without BOM when saved, indented, <c>\n</c> line ends, final newline).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("title", Title);
        WriteQuestion(w);
        w.WriteStartObject("settings");
        foreach (var (key, value) in Settings)
        {
            w.WritePropertyName(key);
            JsonValues.Write(w, value);
        }

        w.WriteEndObject();
        WriteClaims(w);
        WriteReplication(w);
        WriteTables(w, "tables", Tables);
        w.WriteStartArray("figures");
        foreach (var f in Figures)
        {
            w.WriteStringValue(f.FileName);
        }

        w.WriteEndArray();
        if (Summary is null)
        {
            w.WriteNull("summary");
        }
        else
        {
            w.WriteString("summary", Summary);
        }

        w.WriteEndObject();
    });

    private void WriteQuestion(Utf8JsonWriter w)
    {
        w.WriteStartObject("question");
        w.WriteNumber("number", Question.Number);
        w.WriteString("text", Question.Text);
        w.WriteBoolean("reconstructed", Question.Reconstructed);
        w.WriteStartArray("also");
        foreach (var also in Question.Also)
        {
            w.WriteStartObject();
            w.WriteNumber("number", also.Number);
            w.WriteString("text", also.Text);
            if (also.Reconstructed)
            {
                w.WriteBoolean("reconstructed", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteClaims(Utf8JsonWriter w)
    {
        w.WriteStartArray("claims");
        foreach (var c in Claims)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Claim.Id);
            w.WriteString("claim", c.Claim.Text);
            if (c.Claim.Quote is null)
            {
                w.WriteNull("quote");
            }
            else
            {
                w.WriteString("quote", c.Claim.Quote);
            }

            w.WriteBoolean("demonstration", c.Claim.IsDemonstration);
            w.WriteString("verdict", c.Verdict.ToText());
            w.WriteString("criterion", c.Judgement.Criterion);
            w.WriteString("evidence", c.Judgement.Evidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes timings.json's text: the scenario id and the wall-clock timing tables (same layout as <c>tables</c> in report.json).</summary>
    /// <returns>The JSON text (indented, <c>\n</c> line ends, final newline).</returns>
    public string TimingsToJson() => WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        WriteTables(w, "timings", Timings);
        w.WriteEndObject();
    });

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private void WriteReplication(Utf8JsonWriter w)
    {
        w.WriteStartObject("replication");
        if (ReplicationImplementation is null)
        {
            w.WriteNull("implementation");
        }
        else
        {
            w.WriteString("implementation", ReplicationImplementation);
        }

        w.WriteNumber("agree", Replication.Count(r => r.SameDirection));
        w.WriteNumber("total", Replication.Count);
        w.WriteStartArray("effects");
        foreach (var r in Replication)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Effect.Id);
            w.WriteString("effect", r.Effect.Description);
            w.WritePropertyName("mlnet");
            JsonValues.WriteDouble(w, r.Effect.Value);
            w.WritePropertyName("replicated");
            JsonValues.WriteDouble(w, r.Replicated);
            w.WriteString("same_direction", r.Agreement);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The replication as a table: effect, ML.NET, the second implementation, same direction.</summary>
    /// <returns>The table, or null when the scenario names no effect.</returns>
    public ReportTable? ReplicationTable()
    {
        if (Replication.Count == 0)
        {
            return null;
        }

        string other = ReplicationImplementation ?? "second implementation (none yet)";
        var table = new ReportTable("replication", ["effect", "ML.NET", other, "same direction?"]);
        foreach (var r in Replication)
        {
            table.AddRow(r.Effect.Description, r.Effect.Value, r.Replicated, r.Agreement);
        }

        return table;
    }

    private static void WriteTables(Utf8JsonWriter w, string key, IReadOnlyList<ReportTable> tables)
    {
        w.WriteStartObject(key);
        foreach (var table in tables)
        {
            w.WriteStartArray(table.Name);
            foreach (var row in table.Rows)
            {
                w.WriteStartObject();
                for (int i = 0; i < row.Count; i++)
                {
                    w.WritePropertyName(table.Columns[i]);
                    WriteCell(w, row[i]);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter w, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Text: w.WriteStringValue(cell.Text); break;
            case CellKind.Integer: w.WriteNumberValue(cell.Integer); break;
            case CellKind.Number: JsonValues.WriteDouble(w, cell.Number); break;
            default:
                var interval = cell.Interval!;
                w.WriteStartObject();
                w.WritePropertyName("value");
                JsonValues.WriteDouble(w, interval.Estimate);
                w.WritePropertyName("lower");
                JsonValues.WriteDouble(w, interval.Lower);
                w.WritePropertyName("upper");
                JsonValues.WriteDouble(w, interval.Upper);
                if (interval.UndefinedShare > 0)
                {
                    w.WritePropertyName("undefined_share");
                    JsonValues.WriteDouble(w, interval.UndefinedShare);
                }

                w.WriteEndObject();
                break;
        }
    }

    private const string LostLine = " *(this question's line is lost in the project's copy of the list; worded as the published list words it)*";

    /// <summary>Writes report.md: title, question, settings, claims with verdicts, tables, figures, summary.</summary>
    /// <returns>The Markdown text (<c>\n</c> line ends).</returns>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# {Title}");
        Line();
        Line($"**Question {Question.Number.ToString(CultureInfo.InvariantCulture)}.** {Question.Text}"
            + (Question.Reconstructed ? LostLine : string.Empty));
        foreach (var also in Question.Also)
        {
            Line();
            Line($"**Also question {also.Number.ToString(CultureInfo.InvariantCulture)}.** {also.Text}" + (also.Reconstructed ? LostLine : string.Empty));
        }

        Line();
        Line($"Scenario `{Id}`. Settings: {string.Join(", ", Settings.Select(s => $"`{s.Key}` = {JsonValues.Format(s.Value)}"))}.");
        Line();
        Line("## Claims");
        Line();
        Line("| Claim | Verdict | Evidence | Criterion |");
        Line("| --- | --- | --- | --- |");
        foreach (var c in Claims)
        {
            string quote = c.Claim.Quote is null ? " *(not in the answer: checked beside it)*" : $" *The answer: \"{Escape(c.Claim.Quote)}\"*";
            string kind = c.Claim.IsDemonstration ? " *(demonstration, true by construction: not counted as evidence)*" : string.Empty;
            Line($"| {Escape(c.Claim.Text)}{quote}{kind} | **{c.Verdict.ToText()}** | {Escape(c.Judgement.Evidence)} | {Escape(c.Judgement.Criterion)} |");
        }

        if (ReplicationTable() is { } replication)
        {
            int agree = Replication.Count(r => r.SameDirection);
            MarkdownTable(md, $"Replication: {agree.ToString(CultureInfo.InvariantCulture)} of {Replication.Count.ToString(CultureInfo.InvariantCulture)} main effects have the same direction with {ReplicationImplementation ?? "no second implementation yet"}", replication);
        }

        foreach (var table in Tables)
        {
            MarkdownTable(md, $"Table: {table.Name}", table);
        }

        if (Timings.Count > 0)
        {
            Line();
            Line("## Timings");
            Line();
            Line($"Wall-clock tables ({string.Join(", ", Timings.Select(t => $"`{Escape(t.Name)}`"))}) are in [{TimingsMarkdownFile}]({TimingsMarkdownFile}) " +
                $"and [{TimingsJsonFile}]({TimingsJsonFile}) beside this report. They change from run to run, so they are not committed " +
                "(git-ignored), not compared by `--check` and never decide a verdict.");
        }


        if (Figures.Count > 0)
        {
            Line();
            Line("## Figures");
            foreach (var f in Figures)
            {
                Line();
                Line($"![{Escape(f.Title)}]({f.FileName})");
            }
        }

        if (Summary is not null)
        {
            Line();
            Line("## Summary");
            Line();
            Line(Summary);
        }

        return md.ToString();
    }

    /// <summary>Writes timings.md: the wall-clock timing tables of the run, with a link back to report.md.</summary>
    /// <returns>The Markdown text (<c>\n</c> line ends).</returns>
    public string TimingsToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Title}: timings\n\nWall clock on the machine that ran [the report](report.md); not reproducible, not committed, not compared by `--check`.\n");
        foreach (var table in Timings)
        {
            MarkdownTable(md, $"Timings: {table.Name}", table);
        }

        return md.ToString();
    }

    private static void MarkdownTable(StringBuilder md, string heading, ReportTable table)
    {
        void Line(string text = "") => md.Append(text).Append('\n');
        Line();
        Line($"## {heading}");
        Line();
        Line("| " + string.Join(" | ", table.Columns.Select(Escape)) + " |");
        Line("|" + string.Concat(table.Columns.Select(_ => " --- |")));
        foreach (var row in table.Rows)
        {
            Line("| " + string.Join(" | ", row.Select(cell => Escape(cell.ToString()))) + " |");
        }
    }

    internal static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
