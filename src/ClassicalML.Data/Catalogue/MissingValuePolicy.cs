namespace ClassicalML.Data;

/// <summary>
/// What <see cref="Dataset.FromCsv"/> does with a missing feature value, written in the file as an empty
/// field or as <c>?</c>. Missing labels are always an error. Rows are never dropped.
/// </summary>
public enum MissingValuePolicy
{
    /// <summary>A missing feature value is a <see cref="DataFormatException"/> naming the file, line and column (the default).</summary>
    Error,

    /// <summary>
    /// A missing value in a numeric column becomes <see cref="double.NaN"/>; in a categorical column it becomes the
    /// level <c>""</c> (the empty string), an explicit level of its own. Downstream code must impute or encode these.
    /// </summary>
    Keep,
}
