using System.Globalization;

namespace ClassicalML.Cli;

/// <summary>
/// What every reader of a predictions file shares in multiclass-from-scores mode: the classes (one per score column),
/// the missing-value policy, and the labels and row-major scores collected. With <paramref name="scoreCount"/> score
/// columns and <paramref name="weighted"/>, the reader's last column is the row weight (--weight-column), read in the
/// same pass so that --missing skip drops a row's label, scores and weight together.
/// </summary>
internal sealed class ScoreRows(IReadOnlyList<string> classes, bool skipMissing, int scoreCount, bool weighted)
{
    private readonly Dictionary<string, string> known = classes.ToDictionary(c => c, c => c, StringComparer.Ordinal);
    private readonly double[] row = new double[scoreCount + (weighted ? 1 : 0)];

    /// <summary>One score column per class, no weight column.</summary>
    public ScoreRows(IReadOnlyList<string> classes, bool skipMissing)
        : this(classes, skipMissing, classes.Count, weighted: false)
    {
    }

    /// <summary>The class of each score column, in column order.</summary>
    public IReadOnlyList<string> Classes { get; } = classes;

    public List<string> Actual { get; } = [];

    /// <summary>The kept rows' scores, row after row.</summary>
    public List<double> Scores { get; } = [];

    /// <summary>The kept rows' weights (with a weight column), in row order.</summary>
    public List<double> Weights { get; } = [];

    /// <summary>Rows dropped by --missing skip.</summary>
    public long Skipped { get; private set; }

    /// <summary>The buffer a reader fills with one row's scores before <see cref="Add"/>.</summary>
    public Span<double> Row => row;

    /// <summary>
    /// Adds a row: <paramref name="label"/> (empty when missing) and the scores in <see cref="Row"/> (NaN when missing);
    /// <paramref name="scoreColumns"/> and <paramref name="text"/> name a bad value's column and how it was written.
    /// </summary>
    public void Add(IValueSite site, int labelColumn, ReadOnlySpan<char> label, int[] scoreColumns, Func<int, string> text)
    {
        if (label.IsEmpty)
        {
            Missing(site, labelColumn, "the label is missing (empty or null)");
            return;
        }

        for (var k = 0; k < row.Length; k++)
        {
            var what = weighted && k == scoreCount ? "weight" : "score";
            if (double.IsNaN(row[k]))
            {
                Missing(site, scoreColumns[k], $"the {what} is missing ({text(k)})");
                return;
            }

            if (double.IsInfinity(row[k]) || (what == "weight" && row[k] < 0))
            {
                throw site.Error(scoreColumns[k], what == "weight"
                    ? $"the weight is {text(k)}: every weight must be a finite number of at least 0"
                    : $"the score is {text(k)}: scores must be finite numbers", what == "weight" ? "Correct the weight (0 leaves the row out)." : "Correct or remove the row.");
            }
        }

        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(label, out var name))
        {
            throw site.Error(labelColumn,
                $"the label '{label}' is not one of the classes of the score columns ({string.Join(", ", Classes)})",
                "Name a score column for every class (--score-columns or --score-prefix), or remove the row.");
        }

        Actual.Add(name);
        Scores.AddRange(row.AsSpan(0, scoreCount));
        if (weighted)
        {
            Weights.Add(row[scoreCount]);
        }
    }

    private void Missing(IValueSite site, int column, string problem)
    {
        if (!skipMissing)
        {
            throw site.Error(column, problem, "Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.");
        }

        Skipped++;
    }

    /// <summary>A number as the error messages show it.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
