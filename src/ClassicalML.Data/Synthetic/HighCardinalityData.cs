using System.Globalization;

namespace ClassicalML.Data;

/// <summary>
/// The output of <see cref="SyntheticData.MakeHighCardinality"/>: one nominal feature with many levels, numeric
/// features, binary labels, and the true model behind them. Immutable; accessors return copies.
/// </summary>
public sealed class HighCardinalityData
{
    /// <summary>The name of the nominal column in <see cref="ToDataset"/>.</summary>
    public const string LevelColumn = "level";

    private readonly int[] codes;
    private readonly double[][] numeric;
    private readonly double[] probabilities;
    private readonly bool[] labels;

    internal HighCardinalityData(int seed, double intercept, string[] levelNames, double[] levelProbabilities, double[] levelEffects, double[] coefficients, int[] codes, double[][] numeric, double[] probabilities, bool[] labels)
    {
        Seed = seed;
        Intercept = intercept;
        LevelNames = Array.AsReadOnly(levelNames);
        LevelProbabilities = Array.AsReadOnly(levelProbabilities);
        LevelEffects = Array.AsReadOnly(levelEffects);
        NumericCoefficients = Array.AsReadOnly(coefficients);
        this.codes = codes;
        this.numeric = numeric;
        this.probabilities = probabilities;
        this.labels = labels;
    }

    /// <summary>The seed the data were generated with.</summary>
    public int Seed { get; }

    /// <summary>The number of rows.</summary>
    public int SampleCount => labels.Length;

    /// <summary>The intercept of the true log-odds.</summary>
    public double Intercept { get; }

    /// <summary>The level names L0, L1, … in code order (L0 most frequent).</summary>
    public IReadOnlyList<string> LevelNames { get; }

    /// <summary>The probability of drawing each level.</summary>
    public IReadOnlyList<double> LevelProbabilities { get; }

    /// <summary>Each level's true additive effect on the log-odds.</summary>
    public IReadOnlyList<double> LevelEffects { get; }

    /// <summary>The true coefficient of each numeric feature on the log-odds.</summary>
    public IReadOnlyList<double> NumericCoefficients { get; }

    /// <summary>The level of every row.</summary>
    /// <returns>A new array of level names.</returns>
    public string[] GetLevels() => Array.ConvertAll(codes, c => LevelNames[c]);

    /// <summary>The level of every row as a 0-based code into <see cref="LevelNames"/>.</summary>
    /// <returns>A new array.</returns>
    public int[] GetLevelCodes() => (int[])codes.Clone();

    /// <summary>One numeric feature.</summary>
    /// <param name="feature">The 0-based index of the numeric feature.</param>
    /// <returns>A new array with one value per row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feature"/> is not a numeric feature index.</exception>
    public double[] GetNumeric(int feature)
    {
        if ((uint)feature >= (uint)numeric.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(feature), feature, string.Create(CultureInfo.InvariantCulture, $"feature is {feature}; it must be in [0, {numeric.Length}). Pass a numeric feature index."));
        }

        return (double[])numeric[feature].Clone();
    }

    /// <summary>The binary labels.</summary>
    /// <returns>A new array.</returns>
    public bool[] GetLabels() => (bool[])labels.Clone();

    /// <summary>The true probability P(y = true | level, x) of every row, the Bayes-optimal score.</summary>
    /// <returns>A new array.</returns>
    public double[] GetTrueProbabilities() => (double[])probabilities.Clone();

    /// <summary>
    /// The data as a <see cref="Dataset"/>: the categorical column <c>level</c> (levels in <see cref="LevelNames"/>
    /// order, including any that were never drawn), numeric columns <c>x0</c>, <c>x1</c>, …, and label <c>y</c> with
    /// classes "0" and "1"; the positive class is "1".
    /// </summary>
    /// <param name="name">The data set name.</param>
    /// <returns>A data set sharing no arrays with this object.</returns>
    public Dataset ToDataset(string name = "high_cardinality")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var columns = new List<(string, CategoricalColumn?)> { (LevelColumn, new CategoricalColumn(LevelColumn, LevelNames)) };
        columns.AddRange(Enumerable.Range(0, numeric.Length).Select(j => (FormattableString.Invariant($"x{j}"), (CategoricalColumn?)null)));
        var schema = new DatasetSchema(columns, "y", ["0", "1"], "1");
        return new Dataset(name, null, schema, Array.ConvertAll(numeric, c => (double[])c.Clone()), [GetLevelCodes()], Array.ConvertAll(labels, l => l ? 1 : 0));
    }
}
