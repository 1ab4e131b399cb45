using ClassicalML.Data;

namespace ClassicalML.Cli;

/// <summary>Where the value being read comes from (a line of a text file, a row of a Parquet file), for error messages.</summary>
internal interface IValueSite
{
    /// <summary>An error about the current value of <paramref name="column"/>, naming file, position and column.</summary>
    DataFormatException Error(int column, string problem, string fix);
}
