using ClassicalML.Data;

namespace ClassicalML.Cli;

/// <summary>What every reader of a predictions file shares in binary mode: the label rule, the missing-value policy, the collector.</summary>
/// <param name="labels">The label rule.</param>
/// <param name="skipMissing">--missing skip.</param>
/// <param name="collector">Where the rows go.</param>
/// <param name="valueName">What the second column holds, for messages: "score", or "weight" when the weight column is read.</param>
internal sealed class BinaryRows(BinaryLabelRule labels, bool skipMissing, BinaryCollector collector, string valueName = "score")
{
    /// <summary>The fix for a missing value under --missing error.</summary>
    public const string MissingFix = "Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label or score.";

    public BinaryLabelRule Labels { get; } = labels;

    public BinaryCollector Collector { get; } = collector;

    /// <summary>Rows dropped by --missing skip.</summary>
    public long Skipped { get; private set; }

    /// <summary>A row with a missing label or score: counted under --missing skip, an error otherwise.</summary>
    public void Missing(IValueSite site, int column, string problem)
    {
        if (!skipMissing)
        {
            throw site.Error(column, valueName == "score" ? problem : problem.Replace("the score", $"the {valueName}", StringComparison.Ordinal), MissingFix);
        }

        Skipped++;
    }

    /// <summary>The error for an infinite score (NaN is a missing value, see <see cref="Missing"/>).</summary>
    /// <param name="site">Where it was read.</param>
    /// <param name="column">Its column.</param>
    /// <param name="text">The score as written.</param>
    public DataFormatException Infinite(IValueSite site, int column, ReadOnlySpan<char> text) =>
        site.Error(column, $"the {valueName} is {text}: {valueName}s must be finite numbers", "Correct or remove the row.");
}

/// <summary>What every reader of a predictions file shares in multiclass mode: the missing-value policy and the two label columns.</summary>
internal sealed class MulticlassRows(bool skipMissing)
{
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);

    public List<string> Actual { get; } = [];

    public List<string> Predicted { get; } = [];

    /// <summary>Rows dropped by --missing skip.</summary>
    public long Skipped { get; private set; }

    /// <summary>Adds a row whose labels are both present, sharing one string per distinct label.</summary>
    public void Add(string actual, string predicted)
    {
        Actual.Add(Intern(actual));
        Predicted.Add(Intern(predicted));
    }

    /// <summary>A row with an empty label: counted under --missing skip, an error otherwise.</summary>
    public void Missing(IValueSite site, int column, string problem)
    {
        if (!skipMissing)
        {
            throw site.Error(column, problem, "Fill it in or remove the row, or pass --missing skip to drop (and count) rows with a missing label.");
        }

        Skipped++;
    }

    private string Intern(string value)
    {
        if (pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        pool.Add(value, value);
        return value;
    }
}
