using System.Globalization;
using System.Runtime.CompilerServices;
using ClassicalML.Data;
using ClassicalML.Data.Csv;

namespace ClassicalML.Cli;

/// <summary>A predictions file in delimited text (CSV, TSV, ML.NET's SaveAsText output), read by the repository's one <see cref="CsvReader"/>.</summary>
internal sealed class CsvPredictions : PredictionFile
{
    private readonly CsvReader reader;
    private readonly long expectedRows;

    private CsvPredictions(string path, CsvReader reader, long expectedRows)
        : base(path)
    {
        this.reader = reader;
        this.expectedRows = expectedRows;
    }

    public override IReadOnlyList<string> Columns => reader.Columns;

    public override string Format => (reader.MlNetSchema is null ? "CSV" : "ML.NET text") + ", delimiter " + DelimiterText(reader.Delimiter);

    public override long ExpectedRows => expectedRows;

    public static CsvPredictions Create(string path, char? delimiter)
    {
        var reader = CsvReader.OpenFile(path, new CsvReadOptions { Delimiter = delimiter, MlNetSchema = true, Trim = true });
        return new CsvPredictions(path, reader, EstimateRows(path));
    }

    public override int IndexOf(string name, StringComparison comparison) => reader.IndexOf(name, comparison);

    public override int ColumnNumber(int column) => reader.ColumnNumber(column);

    public override DataFormatException HeaderError(string? column, string problem, string fix) =>
        new(Path, Math.Max(reader.HeaderLine, 1), column, problem, fix);

    public override DataFormatException Error(int column, string problem, string fix) => reader.Error(column, problem, fix);

    public override void ReadBinary(int label, int score, BinaryRows rows)
    {
        var labelNaN = IsFloatingPoint(label);
        var scoreNaN = IsFloatingPoint(score);
        var collector = rows.Collector;
        var plain = new PlainRows(rows.Labels, collector);
        while (!reader.ReadPlain(label, score, ref plain) && reader.Read())
        {
            var l = reader[label];
            if (l.IsEmpty || (labelNaN && l is "?") || (l.Length == 3 && l.Equals("NaN", StringComparison.OrdinalIgnoreCase)))
            {
                rows.Missing(this, label, l.IsEmpty ? "the label is empty" : $"the label is {l}");
                continue;
            }

            var s = reader[score];
            if (!ValueParsing.TryParseNumber(s, out var value))
            {
                if (s.IsEmpty || (scoreNaN && s is "?"))
                {
                    rows.Missing(this, score, s.IsEmpty ? "the score is empty" : "the score is ? (ML.NET's NaN)");
                    continue;
                }

                throw Error(score, $"'{s}' is not a number", "Write scores as numbers with a dot for the decimal point, e.g. 0.73 (pandas: to_csv(..., decimal=\".\")).");
            }

            if (double.IsNaN(value))
            {
                rows.Missing(this, score, $"the score is {s}");
                continue;
            }

            if (double.IsInfinity(value))
            {
                throw rows.Infinite(this, score, s);
            }

            collector.Add(rows.Labels.FromText(l, this, label), value);
        }
    }

    public override void ReadMulticlass(int actual, int predicted, MulticlassRows rows)
    {
        while (reader.Read())
        {
            var a = reader[actual];
            var p = reader[predicted];
            if (a.IsEmpty)
            {
                rows.Missing(this, actual, "the label is empty");
            }
            else if (p.IsEmpty)
            {
                rows.Missing(this, predicted, "the predicted label is empty");
            }
            else
            {
                rows.Add(a.ToString(), p.ToString());
            }
        }
    }

    public override void ReadScores(int label, int[] scores, ScoreRows rows)
    {
        while (reader.Read())
        {
            var row = rows.Row;
            for (var k = 0; k < scores.Length; k++)
            {
                var s = reader[scores[k]];
                if (!ValueParsing.TryParseNumber(s, out row[k]))
                {
                    if (!s.IsEmpty && !(IsFloatingPoint(scores[k]) && s is "?"))
                    {
                        throw Error(scores[k], $"'{s}' is not a number", "Write scores as numbers with a dot for the decimal point, e.g. 0.73 (pandas: to_csv(..., decimal=\".\")).");
                    }

                    row[k] = double.NaN;
                }
            }

            rows.Add(this, label, reader[label], scores, k => reader[scores[k]].IsEmpty ? "empty" : reader[scores[k]].ToString());
        }
    }

    protected override void Dispose(bool disposing) => reader.Dispose();

    /// <summary>
    /// The fast path of <see cref="ReadBinary"/> for plain records: takes a row only when its label text is already
    /// classified and its score parses with csFastFloat to a finite number, exactly as the full path would take it;
    /// anything else (missing values, a new label, a fallback parse, an error) goes back to the full path.
    /// </summary>
    private readonly struct PlainRows(BinaryLabelRule labels, BinaryCollector collector) : ICsvPairSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryAdd(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
        {
            if (first.IsEmpty || !labels.TryCached(first, out var positive)
                || !csFastFloat.FastDoubleParser.TryParseDouble(second, out var consumed, out var value)
                || consumed != second.Length || !double.IsFinite(value))
            {
                return false;
            }

            collector.Add(positive, value);
            return true;
        }
    }

    /// <summary>ML.NET's text loader reads <c>?</c> as NaN in floating-point columns.</summary>
    private bool IsFloatingPoint(int column) => reader.MlNetSchema?.Columns[column].IsFloatingPoint == true;

    private static string DelimiterText(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => $"'{delimiter}'",
    };

    /// <summary>File length divided by the mean line length of the first 64 KB.</summary>
    private static long EstimateRows(string path)
    {
        // The open stream's length is the file's, also through a symbolic link (FileInfo.Length is the link's own size).
        long length;
        byte[] sample;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            sample = new byte[(int)Math.Min(length, CsvTextChecks.SniffBytes)];
            stream.ReadExactly(sample);
        }

        var lines = Math.Max(1, sample.AsSpan().Count((byte)'\n'));
        return (long)Math.Ceiling(length / ((double)sample.Length / lines));
    }
}
