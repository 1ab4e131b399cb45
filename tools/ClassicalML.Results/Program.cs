// Results tooling used by run-all.sh / run-all.ps1:
//   compare COMMITTED_DIR NEW_DIR [--tolerance X]   print every difference; exit 1 if any
//   index RESULTS_DIR [--output FILE] [--failures FILE] [--summary]
//                                                    write the index (default RESULTS_DIR/README.md), marking the scenarios
//                                                    listed in FILE (id TAB commit TAB error) as failed; --summary prints
//                                                    "31 claims — 12 hold, 9 partly hold, 7 do not hold, 3 inconclusive"
using System.CommandLine;
using System.Text;
using ClassicalML.Scenarios;

var committed = new Argument<string>("committed") { Description = "The committed results folder." };
var fresh = new Argument<string>("new") { Description = "The rerun's results folder." };
var tolerance = new Option<double>("--tolerance")
{
    Description = "Relative tolerance for numbers: |a-b| <= tol * max(|a|,|b|) (or both within 1e-12) counts as equal.",
    DefaultValueFactory = _ => ReportComparer.DefaultTolerance,
};
var compare = new Command("compare", "Compare two results folders: numbers within tolerance, strings and verdicts exactly, same structure.");
compare.Arguments.Add(committed);
compare.Arguments.Add(fresh);
compare.Options.Add(tolerance);
compare.SetAction(parse =>
{
    var differences = ReportComparer.CompareDirectories(parse.GetValue(committed)!, parse.GetValue(fresh)!, parse.GetValue(tolerance));
    foreach (var difference in differences)
    {
        Console.WriteLine(difference);
    }

    Console.WriteLine(differences.Count == 0
        ? "check: the rerun matches the committed results."
        : $"check: {differences.Count} difference(s) from the committed results.");
    return differences.Count == 0 ? 0 : 1;
});

var results = new Argument<string>("results") { Description = "The results folder holding <id>/report.json." };
var output = new Option<string>("--output") { Description = "Where to write the index (default: RESULTS/README.md)." };
var failuresFile = new Option<string>("--failures") { Description = "Scenarios that failed on this run, one per line: id TAB commit-of-the-results-shown TAB one-line error." };
var summary = new Option<bool>("--summary") { Description = "Print the count of claims and verdicts after writing the index." };
var index = new Command("index", "Write the index of all scenarios and their verdicts from the report.json files.");
index.Arguments.Add(results);
index.Options.Add(output);
index.Options.Add(failuresFile);
index.Options.Add(summary);
index.SetAction(parse =>
{
    string folder = parse.GetValue(results)!;
    string file = parse.GetValue(output) ?? Path.Combine(folder, "README.md");
    var failures = parse.GetValue(failuresFile) is { } list ? ResultsIndex.ReadFailures(list) : [];
    File.WriteAllText(file, ResultsIndex.Build(folder, failures), new UTF8Encoding(false));
    if (parse.GetValue(summary))
    {
        Console.WriteLine(ResultsIndex.Summarize(folder));
    }

    return 0;
});

var root = new RootCommand("ClassicalML results tooling for run-all.");
root.Subcommands.Add(compare);
root.Subcommands.Add(index);
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine("ClassicalML.Results: " + string.Join("; ", parsed.Errors.Select(e => e.Message)) + " (see --help)");
    return 2;
}

try
{
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine("ClassicalML.Results: " + e.Message.ReplaceLineEndings(" "));
    return 2;
}
