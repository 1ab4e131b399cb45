using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>What eval read and how, stated in every output format next to the metrics.</summary>
/// <param name="FileFormat">E.g. "CSV, delimiter ','" or "Parquet, 2 row group(s)".</param>
/// <param name="LabelColumn">The label column used.</param>
/// <param name="OtherColumn">The score column (binary) or predicted-label column (multiclass) used.</param>
/// <param name="Threshold">The threshold and why it was chosen (binary), or null (multiclass).</param>
/// <param name="SkippedRows">Rows dropped by --missing skip, or null under --missing error.</param>
/// <param name="ZeroDivision">The zero-division policy.</param>
/// <param name="ExactCapacity">Rows up to which ranking metrics are exact without --exact.</param>
/// <param name="WeightLine">With --weight-column, the line that says the metrics are weighted and gives the weighted support.</param>
internal sealed record EvalSummary(string FileFormat, string LabelColumn, string OtherColumn, string? Threshold, long? SkippedRows, ZeroDivision ZeroDivision, int ExactCapacity, string? WeightLine = null)
{
    /// <summary>The policy as the --zero-division option spells it.</summary>
    public string ZeroDivisionName => ZeroDivision switch
    {
        ZeroDivision.One => "one",
        ZeroDivision.NaN => "nan",
        _ => "zero",
    };

    /// <summary>The lines printed under the title of the table and markdown outputs.</summary>
    public IEnumerable<string> Lines()
    {
        var other = Threshold is null ? "predicted label" : "score";
        yield return $"Read {FileFormat}: label column '{LabelColumn}', {other} column '{OtherColumn}'" + (Threshold is null ? "; " : $"; {Threshold}; ") + $"zero division: {ZeroDivisionName}.";
        if (SkippedRows is { } skipped)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Skipped rows: {skipped} (missing label or {other}, --missing skip).");
        }

        if (WeightLine is not null)
        {
            yield return WeightLine;
        }
    }
}
