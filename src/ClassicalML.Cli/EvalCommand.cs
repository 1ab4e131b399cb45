using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>
/// <c>classicalml eval PREDICTIONS.csv [--label-column label] [--score-column score] [--predicted-column COL]
/// [--positive VALUE] [--threshold 0.5] [--format table|json|markdown] [--curves]</c>.
/// </summary>
/// <remarks>
/// Binary mode (a score column): labels 0/1 or true/false, or any two strings with --positive naming the
/// positive one; rows are streamed into a <see cref="StreamingBinaryEvaluator"/> in batches (exact up to
/// <see cref="ExactCapacity"/> rows, then a histogram whose AUC/AP error bound is reported). --curves keeps
/// every score in memory to compute the curves. Multiclass mode (--predicted-column): actual and predicted
/// labels are compared as strings. Undefined values use <see cref="ZeroDivision.NaN"/>, are written as null
/// (JSON) or "undefined" (table, markdown), and listed with their reason. Bad input: one line on stderr, exit code 2.
/// </remarks>
internal sealed class EvalCommand
{
    /// <summary>Rows up to which ROC AUC and AP are exact (80 MB of scores).</summary>
    internal const int ExactCapacity = 10_000_000;

    private const int BatchSize = 65_536;

    private readonly TextWriter stdout;
    private readonly TextWriter stderr;

    private readonly Argument<string> data = new("PREDICTIONS") { Description = "CSV file with a header line: a label column and a score (or predicted-label) column." };
    private readonly Option<string?> labelColumn = new("--label-column") { Description = "Column of true labels (default: label).", HelpName = "COLUMN" };
    private readonly Option<string?> scoreColumn = new("--score-column") { Description = "Column of scores, higher = more positive (default: score). Binary mode.", HelpName = "COLUMN" };
    private readonly Option<string?> predictedColumn = new("--predicted-column") { Description = "Column of predicted labels: multiclass mode.", HelpName = "COLUMN" };
    private readonly Option<string?> positive = new("--positive") { Description = "The label value of the positive class (required unless labels are 0/1 or true/false).", HelpName = "VALUE" };
    private readonly Option<double?> threshold = new("--threshold") { CustomParser = ParseDouble, Description = "Decision threshold: score >= threshold is positive (default 0.5).", HelpName = "T" };
    private readonly Option<string> format = new("--format") { DefaultValueFactory = _ => "table", Description = "Output: table (default), json or markdown.", HelpName = "FORMAT" };
    private readonly Option<bool> curves = new("--curves") { Description = "Also output the ROC and precision-recall curves (binary mode)." };

    public EvalCommand(TextWriter stdout, TextWriter stderr)
    {
        this.stdout = stdout;
        this.stderr = stderr;
        format.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not ("table" or "json" or "markdown"))
            {
                result.AddError($"--format is '{value}'; it must be table, json or markdown.");
            }
        });
        Command = new Command("eval", "Evaluate predictions in a CSV file: binary (labels and scores) or multiclass (labels and predicted labels).");
        Command.Arguments.Add(data);
        foreach (var option in new Option[] { labelColumn, scoreColumn, predictedColumn, positive, threshold, format, curves })
        {
            Command.Options.Add(option);
        }

        Command.SetAction(Execute);
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse)
    {
        try
        {
            var request = Validate(parse);
            var text = request.PredictedColumn is null ? Binary(request) : Multiclass(request);
            stdout.Write(text);
            stdout.Flush();
            return 0;
        }
        catch (UsageException e)
        {
            stderr.WriteLine("classicalml eval: " + e.Message);
            return CliApp.UsageError;
        }
        catch (ArgumentException e)
        {
            // Safety net: the checks pre-empt library refusals; still one line, no stack trace.
            stderr.WriteLine("classicalml eval: " + e.Message.ReplaceLineEndings(" "));
            return CliApp.UsageError;
        }
    }

    private sealed record Request(string Data, string LabelColumn, string ScoreColumn, string? PredictedColumn, string? Positive, double Threshold, string Format, bool Curves);

    private Request Validate(ParseResult parse)
    {
        var predicted = parse.GetValue(predictedColumn);
        var score = parse.GetValue(scoreColumn);
        var t = parse.GetValue(threshold);
        var pos = parse.GetValue(positive);
        var withCurves = parse.GetValue(curves);
        if (predicted is not null)
        {
            var binaryOnly = new[] { (score is not null, "--score-column"), (pos is not null, "--positive"), (t is not null, "--threshold"), (withCurves, "--curves") }
                .Where(x => x.Item1).Select(x => x.Item2).ToList();
            if (binaryOnly.Count > 0)
            {
                throw new UsageException($"{string.Join(" and ", binaryOnly)} {(binaryOnly.Count == 1 ? "has" : "have")} no effect with --predicted-column (multiclass mode compares labels, not scores). Remove {string.Join(" and ", binaryOnly)}, or drop --predicted-column for binary mode.");
            }
        }

        if (t is { } value && double.IsNaN(value))
        {
            throw new UsageException("--threshold is NaN; it must be a number (score >= threshold is positive). Use e.g. --threshold 0.5.");
        }

        if (pos is not null && pos.Trim().Length == 0)
        {
            throw new UsageException("--positive is empty; pass the label value of the positive class, e.g. --positive yes.");
        }

        return new Request(parse.GetValue(data)!, parse.GetValue(labelColumn) ?? "label", score ?? "score", predicted, pos?.Trim(), t ?? 0.5, parse.GetValue(format) ?? "table", withCurves);
    }

    // ---------------------------------------------------------------- binary

    private string Binary(Request request)
    {
        var evaluator = new StreamingBinaryEvaluator(request.Threshold, zeroDivision: ZeroDivision.NaN, exactCapacity: ExactCapacity);
        var labels = new bool[BatchSize];
        var scores = new double[BatchSize];
        var filled = 0;
        List<bool>? allLabels = request.Curves ? [] : null;
        List<double>? allScores = request.Curves ? [] : null;
        var seen = new List<string>(3);
        string labelName = request.LabelColumn;

        using (var table = PredictionTable.Open(request.Data, [request.LabelColumn, request.ScoreColumn]))
        {
            while (table.Next() is { } record)
            {
                var raw = table.Value(record, 0, "label");
                if (!seen.Contains(raw, StringComparer.Ordinal))
                {
                    seen.Add(raw);
                    if (seen.Count > 2)
                    {
                        throw table.Error(0, $"a third label value '{raw}' (after '{seen[0]}' and '{seen[1]}'); binary evaluation needs exactly two classes. For more classes use --predicted-column with a column of predicted labels");
                    }
                }

                bool isPositive;
                if (request.Positive is not null)
                {
                    isPositive = string.Equals(raw, request.Positive, StringComparison.Ordinal);
                }
                else if (raw == "1" || raw.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    isPositive = true;
                }
                else if (raw == "0" || raw.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    isPositive = false;
                }
                else
                {
                    throw table.Error(0, $"label '{raw}' is not 0/1 or true/false; name the positive class with --positive VALUE (e.g. --positive {raw})");
                }

                var text = table.Value(record, 1, "score");
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                {
                    throw table.Error(1, $"'{text}' is not a number; scores must be finite numbers written with a dot, e.g. 0.73. Fix or remove the row");
                }

                if (!double.IsFinite(s))
                {
                    throw table.Error(1, $"the score is {text}; scores must be finite numbers. Remove or impute the row");
                }

                labels[filled] = isPositive;
                scores[filled] = s;
                allLabels?.Add(isPositive);
                allScores?.Add(s);
                if (++filled == BatchSize)
                {
                    evaluator.Add(labels, scores);
                    filled = 0;
                }
            }

            evaluator.Add(labels.AsSpan(0, filled), scores.AsSpan(0, filled));
            if (request.Positive is not null && !seen.Contains(request.Positive, StringComparer.Ordinal))
            {
                throw new UsageException($"{request.Data}: column '{labelName}' (column {table.ColumnNumber(0)}): --positive '{request.Positive}' matches no label; the labels are {string.Join(", ", seen.Select(v => $"'{v}'"))}. Pass one of them (values are case-sensitive).");
            }
        }

        var report = evaluator.ToReport();
        RocCurve? roc = null;
        PrecisionRecallCurve? pr = null;
        if (allLabels is not null && allScores is not null)
        {
            bool[] l = [.. allLabels];
            double[] sc = [.. allScores];
            roc = Roc.Curve(l, sc);
            pr = PrecisionRecall.Curve(l, sc);
        }

        return request.Format switch
        {
            "json" => EvalOutput.BinaryJson(report, roc, pr),
            "markdown" => EvalOutput.BinaryMarkdown(request.Data, report, roc, pr),
            _ => EvalOutput.BinaryTable(request.Data, report, roc, pr),
        };
    }

    // ---------------------------------------------------------------- multiclass

    private string Multiclass(Request request)
    {
        var actual = new List<string>();
        var predicted = new List<string>();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var table = PredictionTable.Open(request.Data, [request.LabelColumn, request.PredictedColumn!]))
        {
            while (table.Next() is { } record)
            {
                actual.Add(Intern(pool, table.Value(record, 0, "label")));
                predicted.Add(Intern(pool, table.Value(record, 1, "predicted label")));
            }
        }

        var report = MulticlassEvaluation.Evaluate<string>(actual.ToArray(), predicted.ToArray(), zeroDivision: ZeroDivision.NaN);
        return request.Format switch
        {
            "json" => EvalOutput.MulticlassJson(report),
            "markdown" => EvalOutput.MulticlassMarkdown(request.Data, report),
            _ => EvalOutput.MulticlassTable(request.Data, report),
        };
    }

    private static string Intern(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        pool.Add(value, value);
        return value;
    }

    private static double? ParseDouble(ArgumentResult result)
    {
        var token = result.Tokens[^1].Value;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "value"} expects a number such as 0.5 (with a dot), got '{token}'.");
        return null;
    }
}

/// <summary>
/// Streams the rows of a predictions CSV and keeps only the needed columns; every problem becomes a
/// <see cref="UsageException"/> naming the file, the line, the column and the fix.
/// </summary>
internal sealed class PredictionTable : IDisposable
{
    private const int SniffBytes = 64 * 1024;

    private readonly string path;
    private readonly StreamReader reader;
    private readonly CsvReader csv;
    private readonly List<string> header;
    private readonly int[] indices;
    private readonly string[] names;
    private bool anyRow;

    private PredictionTable(string path, StreamReader reader, CsvReader csv, List<string> header, int[] indices, string[] names)
    {
        this.path = path;
        this.reader = reader;
        this.csv = csv;
        this.header = header;
        this.indices = indices;
        this.names = names;
    }

    /// <summary>Opens the file, rejects binary content, reads the header and finds <paramref name="columns"/>.</summary>
    public static PredictionTable Open(string path, string[] columns)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: file not found. Check the path.");
        }

        CheckText(path);
        StreamReader? reader = null;
        try
        {
            reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var csv = new CsvReader(reader);
            var header = Guard(path, csv, () => csv.ReadRecord()) ?? throw new UsageException($"{path}: line 1: the file is empty; expected a header line (e.g. label,score) and data rows.");
            var indices = new int[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                indices[c] = header.IndexOf(columns[c]);
                if (indices[c] < 0)
                {
                    throw new UsageException($"{path}: line 1: no column '{columns[c]}' in the header; available columns: {string.Join(", ", header)}. Name the right one with {(c == 0 ? "--label-column" : columns.Length == 2 && c == 1 ? "--score-column or --predicted-column" : "an option")}.");
                }
            }

            var table = new PredictionTable(path, reader, csv, header, indices, columns);
            reader = null;
            return table;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the file: {e.Message}");
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>The next data record with every field checked for shape, or null at the end.</summary>
    public List<string>? Next()
    {
        var record = Guard(path, csv, () => csv.ReadRecord());
        if (record is null)
        {
            if (!anyRow)
            {
                throw new UsageException($"{path}: line 2: only a header line, no data rows; add one row per prediction below the header.");
            }

            return null;
        }

        anyRow = true;
        if (record.Count != header.Count)
        {
            throw new UsageException(Invariant($"{path}: line {csv.RecordLine}: {record.Count} field(s) but the header has {header.Count} columns; give every row one value per column (quote values that contain commas)."));
        }

        return record;
    }

    /// <summary>The trimmed value of requested column <paramref name="c"/>; empty values are refused.</summary>
    public string Value(List<string> record, int c, string what)
    {
        var value = record[indices[c]].Trim();
        if (value.Length == 0)
        {
            throw Error(c, $"empty {what}; fill it in or drop the row");
        }

        return value;
    }

    /// <summary>1-based position of requested column <paramref name="c"/> in the header.</summary>
    public int ColumnNumber(int c) => indices[c] + 1;

    /// <summary>An error at the current record's line and requested column <paramref name="c"/>.</summary>
    public UsageException Error(int c, string problem) =>
        new(Invariant($"{path}: line {csv.RecordLine}, column '{names[c]}' (column {indices[c] + 1}): {problem}."));

    public void Dispose() => reader.Dispose();

    private static T Guard<T>(string path, CsvReader csv, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            throw new UsageException(Invariant($"{path}: line {e.Line}: {e.Message}."));
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException(Invariant($"{path}: line {Math.Max(csv.RecordLine, 1)}: the file is not UTF-8 text (invalid byte sequence); export the predictions as a UTF-8 CSV file."));
        }
    }

    /// <summary>Refuses files whose first 64 KB contain a NUL byte: binary files, not CSV text.</summary>
    private static void CheckText(string path)
    {
        var buffer = new byte[SniffBytes];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }

        var nul = Array.IndexOf(buffer, (byte)0, 0, read);
        if (nul >= 0)
        {
            var line = 1 + buffer.AsSpan(0, nul).Count((byte)'\n');
            throw new UsageException(Invariant($"{path}: line {line}: byte {nul} is NUL (0x00); this is a binary file, not CSV text. Export the predictions as a UTF-8 CSV file with a header line."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
