using ClassicalML.Data;

namespace ClassicalML.Cli;

/// <summary>
/// A predictions file opened for reading columns by name: delimited text (<see cref="CsvPredictions"/>), Parquet
/// (<see cref="ParquetPredictions"/>) or Arrow IPC (<see cref="ArrowPredictions"/>).
/// </summary>
internal abstract class PredictionFile : IDisposable, IValueSite
{
    protected PredictionFile(string path) => Path = path;

    /// <summary>The file as named on the command line.</summary>
    public string Path { get; }

    /// <summary>The column names.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>A short description of the format for the output, e.g. "CSV, delimiter ','".</summary>
    public abstract string Format { get; }

    /// <summary>An estimate of the number of data rows, to size the collected arrays once.</summary>
    public abstract long ExpectedRows { get; }

    /// <summary>Whether <see cref="ExpectedRows"/> is the exact number of rows (from the file's metadata), not an estimate.</summary>
    public virtual bool RowsKnown => false;

    /// <summary>Opens <paramref name="path"/> as Parquet (a .parquet name or PAR1 magic), Arrow IPC (an Arrow name or ARROW1 magic) or delimited text.</summary>
    /// <exception cref="UsageException">The file does not exist or cannot be read.</exception>
    /// <exception cref="DataFormatException">The file is malformed.</exception>
    public static PredictionFile Open(string path, char? delimiter)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: file not found. Check the path.");
        }

        try
        {
            return ParquetPredictions.IsParquet(path) ? ParquetPredictions.Create(path)
                : ArrowPredictions.IsArrow(path) ? ArrowPredictions.Create(path)
                : CsvPredictions.Create(path, delimiter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>The position of the column named <paramref name="name"/> (compared as <paramref name="comparison"/> says), or -1.</summary>
    /// <exception cref="DataFormatException">Two columns match.</exception>
    public abstract int IndexOf(string name, StringComparison comparison);

    /// <summary>The 1-based position of a column, for messages.</summary>
    public abstract int ColumnNumber(int column);

    /// <summary>An error about the file's header or schema (a missing or ambiguous column).</summary>
    public abstract DataFormatException HeaderError(string? column, string problem, string fix);

    /// <summary>An error about one column as a whole (not a row), e.g. a --positive that matches no label.</summary>
    public DataFormatException ColumnError(int column, string problem, string fix) =>
        new(Path, 0, Columns[column], ColumnNumber(column), problem, fix);

    /// <inheritdoc/>
    public abstract DataFormatException Error(int column, string problem, string fix);

    /// <summary>Reads every row's label and score (binary mode).</summary>
    public abstract void ReadBinary(int label, int score, BinaryRows rows);

    /// <summary>Reads every row's actual and predicted label (multiclass mode).</summary>
    public abstract void ReadMulticlass(int actual, int predicted, MulticlassRows rows);

    /// <summary>Reads every row's label and class scores (multiclass-from-scores mode).</summary>
    public abstract void ReadScores(int label, int[] scores, ScoreRows rows);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
