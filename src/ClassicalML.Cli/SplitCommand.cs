using System.CommandLine;
using System.Globalization;
using System.Text;
using ClassicalML.Data;
using ClassicalML.Data.Csv;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>classicalml split DATA.csv (--folds K | --test-fraction F [--valid-fraction V]) [--stratify COLUMN]
/// [--group COLUMN] [--hash-id COLUMN] [--seed N] [--shuffle] [--delimiter C] [--output FILE]</c>.
/// </summary>
/// <remarks>
/// Writes <c>row,fold</c> (folds 0..K-1) or <c>row,set</c> (train/valid/test), one line per data row in
/// input order (row 0 = first line after the header), LF line ends, UTF-8 without BOM: the same
/// arguments always give byte-identical output. Fraction splits always shuffle, with --seed (default 0);
/// fold splits shuffle only with --shuffle (seed default 0), and --seed without --shuffle is refused.
/// Bad input: one line on stderr, exit code 2.
/// </remarks>
internal sealed class SplitCommand
{
    private readonly TextWriter stdout;
    private readonly TextWriter stderr;

    private readonly Argument<string> data = new("DATA") { Description = "CSV file with a header line (comma-separated, RFC 4180 quoting)." };
    private readonly Option<int?> folds = new("--folds") { CustomParser = CliOptions.ParseInt, Description = "Number of k-fold test folds (at least 2); output row,fold.", HelpName = "K" };
    private readonly Option<double?> testFraction = new("--test-fraction") { CustomParser = r => CliOptions.ParseDouble(r, "0.2"), Description = "Fraction of rows for the test set, in (0, 1); output row,set.", HelpName = "F" };
    private readonly Option<double?> validFraction = new("--valid-fraction") { CustomParser = r => CliOptions.ParseDouble(r, "0.2"), Description = "Fraction of rows for a validation set (with --test-fraction).", HelpName = "V" };
    private readonly Option<string?> stratify = new("--stratify") { Description = "Column to stratify on (the label or any other column, e.g. day/night).", HelpName = "COLUMN" };
    private readonly Option<string?> group = new("--group") { Description = "Column of group ids; a group is never split across folds (with --folds).", HelpName = "COLUMN" };
    private readonly Option<string?> hashId = new("--hash-id") { Description = "Column of row ids; assign by SHA-256 of the id, stable when rows are reordered or appended.", HelpName = "COLUMN" };
    private readonly Option<int?> seed = new("--seed") { CustomParser = CliOptions.ParseInt, Description = "Seed of the shuffle (default 0). Fraction splits always shuffle; folds only with --shuffle.", HelpName = "N" };
    private readonly Option<bool> shuffle = new("--shuffle") { Description = "Shuffle rows before dealing them to folds." };
    private readonly Option<string?> delimiter = new("--delimiter") { Description = "Field delimiter: one character or tab (default: the most frequent of , ; tab | in the header line; tab for .tsv). Example: --delimiter ';'", HelpName = "C" };
    private readonly Option<string?> output = new("--output") { Description = "Write the CSV to FILE instead of stdout.", HelpName = "FILE" };

    public SplitCommand(TextWriter stdout, TextWriter stderr)
    {
        this.stdout = stdout;
        this.stderr = stderr;
        Command = new Command("split", "Assign every row of a CSV file to k-fold test folds or to train/valid/test sets.");
        Command.Arguments.Add(data);
        foreach (var option in new Option[] { folds, testFraction, validFraction, stratify, group, hashId, seed, shuffle, delimiter, output })
        {
            Command.Options.Add(option);
        }

        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse) => CliApp.RunCommand("split", stderr, () =>
    {
        var request = Validate(parse);
        var csv = Render(request);
        if (request.Output is null)
        {
            stdout.Write(csv);
            stdout.Flush();
        }
        else
        {
            Write(request.Output, csv);
        }
    });

    private static void Write(string path, string csv)
    {
        try
        {
            File.WriteAllText(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write --output {path}: {e.Message} Check that the directory exists and is writable.");
        }
    }

    private sealed record Request(
        string Data, int? Folds, double? TestFraction, double ValidFraction, string? Stratify, string? Group,
        string? HashId, int Seed, bool Shuffle, char? Delimiter, string? Output)
    {
        /// <summary>The column whose values the split needs, and the option that named it.</summary>
        public (string Column, string Option)? KeyColumn =>
            Stratify is not null ? (Stratify, "--stratify") : Group is not null ? (Group, "--group") : HashId is not null ? (HashId, "--hash-id") : null;
    }

    private Request Validate(ParseResult parse)
    {
        var k = parse.GetValue(folds);
        var test = parse.GetValue(testFraction);
        var valid = parse.GetValue(validFraction);
        var strat = parse.GetValue(stratify);
        var grp = parse.GetValue(group);
        var hash = parse.GetValue(hashId);
        var s = parse.GetValue(seed);
        var shuf = parse.GetValue(shuffle);

        if (k is not null && test is not null)
        {
            throw new UsageException("--folds and --test-fraction cannot be combined; use --folds K for k-fold test folds, or --test-fraction F [--valid-fraction V] for one train/valid/test split.");
        }

        if (valid is not null && test is null)
        {
            throw new UsageException("--valid-fraction needs --test-fraction; add --test-fraction F, or remove --valid-fraction.");
        }

        if (k is null && test is null)
        {
            throw new UsageException("no split asked for; add --folds K for k-fold test folds, or --test-fraction F for a train/test split.");
        }

        if (k is < 2)
        {
            throw CliOptions.Invalid("--folds", k, Preconditions.AtLeastRule(2), "Use e.g. --folds 5.");
        }

        if (test is { } t && !(t > 0 && t < 1))
        {
            throw CliOptions.Invalid("--test-fraction", t, Preconditions.OpenUnitIntervalRule, "Use e.g. --test-fraction 0.2.");
        }

        if (valid is { } v && !(v > 0 && v < 1))
        {
            throw CliOptions.Invalid("--valid-fraction", v, Preconditions.OpenUnitIntervalRule, "Use e.g. --valid-fraction 0.1.");
        }

        if (test + (valid ?? 0) >= 1)
        {
            throw new UsageException(Invariant($"--test-fraction + --valid-fraction is {test} + {valid} = {test + valid}; {Preconditions.LeaveTrainingRowsRule}. Lower one of them."));
        }

        if (strat is not null && grp is not null)
        {
            throw new UsageException("--stratify and --group cannot be combined (stratified group k-fold is not implemented); choose one.");
        }

        if (hash is not null && (strat is not null || grp is not null))
        {
            throw new UsageException("--hash-id cannot be combined with --stratify or --group: a hashed row's fold or set depends only on its id. Remove one of them.");
        }

        if (hash is not null && (s is not null || shuf))
        {
            throw new UsageException("--hash-id does not use --seed or --shuffle: a hashed row's fold or set depends only on its id. Remove --seed and --shuffle.");
        }

        if (grp is not null && test is not null)
        {
            throw new UsageException($"--group works with --folds only; for a train/test split that keeps groups together use --hash-id {grp}.");
        }

        if (grp is not null && (s is not null || shuf))
        {
            throw new UsageException("--group assigns groups to folds deterministically (largest groups first) and does not use --seed or --shuffle. Remove them.");
        }

        if (k is not null && s is not null && !shuf)
        {
            throw new UsageException("--seed has no effect since --shuffle is not set. Add --shuffle, or remove --seed.");
        }

        return new Request(parse.GetValue(data)!, k, test, valid ?? 0, strat, grp, hash, s ?? 0, shuf, CliOptions.DelimiterOf(parse.GetValue(delimiter)), parse.GetValue(output));
    }

    private string Render(Request request)
    {
        var (rows, keys) = Read(request);
        var csv = new StringBuilder();
        if (request.Folds is { } k)
        {
            if (k > rows)
            {
                throw new UsageException(Invariant($"--folds is {k} but {request.Data} has only {rows} data rows; use --folds {rows} or fewer."));
            }

            var split = Folds(request, k, rows, keys);
            csv.Append("row,fold\n");
            for (var row = 0; row < rows; row++)
            {
                csv.Append(Invariant($"{row},{split.TestFoldOfRow[row]}\n"));
            }
        }
        else
        {
            var split = Holdout(request, rows, keys);
            csv.Append("row,set\n");
            for (var row = 0; row < rows; row++)
            {
                var set = split.SetOfRow[row] switch { SplitSet.Train => "train", SplitSet.Validation => "valid", _ => "test" };
                csv.Append(Invariant($"{row},{set}\n"));
            }
        }

        return csv.ToString();
    }

    private FoldSplit Folds(Request request, int k, int rows, string[]? keys)
    {
        if (request.HashId is not null)
        {
            return Warn(HashSplit.AssignFolds(keys, k));
        }

        if (request.Group is not null)
        {
            var groups = keys!.Distinct(StringComparer.Ordinal).Count();
            if (groups < k)
            {
                throw new UsageException(Invariant($"--folds is {k} but column '{request.Group}' has only {groups} distinct groups; use --folds {groups} or fewer."));
            }

            return new GroupKFold(k).Split<string>(keys);
        }

        int? seedOrNull = request.Shuffle ? request.Seed : null;
        if (request.Stratify is null)
        {
            return new KFold(k, request.Shuffle, seedOrNull).Split(rows);
        }

        var sizes = keys!.GroupBy(x => x, StringComparer.Ordinal).Select(g => g.Count()).ToArray();
        if (sizes.Max() < k)
        {
            throw new UsageException(Invariant($"--folds is {k} but every class of column '{request.Stratify}' has fewer rows (the largest has {sizes.Max()}); use --folds {sizes.Max()} or fewer, or stratify on a coarser column."));
        }

        if (sizes.Min() < k)
        {
            stderr.WriteLine(Invariant($"classicalml split: warning: the least populated class in column '{request.Stratify}' has only {sizes.Min()} rows, which is less than --folds {k}."));
        }

        return new StratifiedKFold(k, request.Shuffle, seedOrNull).Split<string>(keys);
    }

    private HoldoutSplit Holdout(Request request, int rows, string[]? keys)
    {
        var test = request.TestFraction!.Value;
        var nTest = (int)Math.Ceiling(test * rows);
        var nValid = (int)Math.Ceiling(request.ValidFraction * rows);
        if (request.HashId is null && rows - nTest - nValid < 1)
        {
            throw new UsageException(Invariant($"{request.Data} has only {rows} data rows: {nTest} test and {nValid} valid rows leave none to train on. Lower the fractions or add rows."));
        }

        var split = request.HashId is not null ? HashSplit.Assign(keys, test, request.ValidFraction)
            : request.Stratify is not null ? TrainTestSplit.Stratified<string>(keys, test, request.Seed, request.ValidFraction)
            : TrainTestSplit.Split(rows, test, request.Seed, request.ValidFraction);
        foreach (var warning in split.Warnings)
        {
            stderr.WriteLine("classicalml split: warning: " + warning.Replace("in strata", $"in column '{request.Stratify}'", StringComparison.Ordinal));
        }

        return split;
    }

    private FoldSplit Warn(FoldSplit split)
    {
        foreach (var warning in split.Warnings)
        {
            stderr.WriteLine("classicalml split: warning: " + warning);
        }

        return split;
    }

    /// <summary>Streams the file: counts data rows, checks their shape, keeps only the key column's values.</summary>
    private static (int Rows, string[]? Keys) Read(Request request)
    {
        var path = request.Data;
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: file not found. Check the path.");
        }

        try
        {
            using var csv = CsvReader.OpenFile(path, new CsvReadOptions { Delimiter = request.Delimiter, MlNetSchema = true });
            var keyIndex = -1;
            if (request.KeyColumn is var (column, option))
            {
                keyIndex = csv.IndexOf(column, StringComparison.Ordinal);
                if (keyIndex < 0)
                {
                    throw new DataFormatException(path, Math.Max(csv.HeaderLine, 1), column, $"{option} names '{column}', but there is no such column; the columns are: {string.Join(", ", csv.Columns)}",
                        $"Name an existing column with {option} (names are case-sensitive).");
                }
            }

            var keys = new List<string>();
            var rows = 0;
            while (csv.Read())
            {
                if (keyIndex >= 0)
                {
                    var value = csv[keyIndex];
                    if (value.IsWhiteSpace())
                    {
                        throw csv.Error(keyIndex, $"the {request.KeyColumn!.Value.Option} column is empty", "Fill it in or remove the row.");
                    }

                    keys.Add(value.ToString());
                }

                rows++;
            }

            return (rows, keyIndex >= 0 ? [.. keys] : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the file: {e.Message}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
