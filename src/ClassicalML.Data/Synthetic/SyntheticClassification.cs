using System.Globalization;

namespace ClassicalML.Data;

/// <summary>The role of a feature made by <see cref="SyntheticData.MakeClassification"/>.</summary>
public enum FeatureRole
{
    /// <summary>Drawn around the class clusters' hypercube vertices; carries the signal.</summary>
    Informative,

    /// <summary>A random linear combination of the informative features (then shifted and scaled).</summary>
    Redundant,

    /// <summary>An exact copy of an informative or redundant feature (before shift and scale).</summary>
    Repeated,

    /// <summary>Standard normal noise, independent of the label.</summary>
    Noise,
}

/// <summary>
/// The output of <see cref="SyntheticData.MakeClassification"/>: features, classes, the role of every feature and
/// which rows had their class re-drawn as label noise. Immutable; accessors return copies.
/// </summary>
public sealed class SyntheticClassification
{
    private readonly double[][] features;
    private readonly int[] classes;
    private readonly bool[] labelNoise;
    private readonly FeatureRole[] roles;

    internal SyntheticClassification(int seed, int classCount, double[][] features, int[] classes, bool[] labelNoise, FeatureRole[] roles, int[] repeatedSources)
    {
        Seed = seed;
        ClassCount = classCount;
        this.features = features;
        this.classes = classes;
        this.labelNoise = labelNoise;
        this.roles = roles;
        FeatureRoles = Array.AsReadOnly(roles);
        InformativeFeatures = Indices(FeatureRole.Informative);
        RedundantFeatures = Indices(FeatureRole.Redundant);
        RepeatedFeatures = Indices(FeatureRole.Repeated);
        NoiseFeatures = Indices(FeatureRole.Noise);
        RepeatedSources = Array.AsReadOnly(repeatedSources);
    }

    /// <summary>The seed the data were generated with.</summary>
    public int Seed { get; }

    /// <summary>The number of rows.</summary>
    public int SampleCount => classes.Length;

    /// <summary>The number of features.</summary>
    public int FeatureCount => features.Length;

    /// <summary>The number of classes; classes are 0 … <c>ClassCount − 1</c>.</summary>
    public int ClassCount { get; }

    /// <summary>The role of each feature, by feature index (after the optional column shuffle).</summary>
    public IReadOnlyList<FeatureRole> FeatureRoles { get; }

    /// <summary>Indexes of the informative features, ascending.</summary>
    public IReadOnlyList<int> InformativeFeatures { get; }

    /// <summary>Indexes of the redundant features, ascending.</summary>
    public IReadOnlyList<int> RedundantFeatures { get; }

    /// <summary>Indexes of the repeated features, ascending.</summary>
    public IReadOnlyList<int> RepeatedFeatures { get; }

    /// <summary>Indexes of the noise (useless) features, ascending.</summary>
    public IReadOnlyList<int> NoiseFeatures { get; }

    /// <summary>For each entry of <see cref="RepeatedFeatures"/>, the index of the feature it copies (before shift and scale).</summary>
    public IReadOnlyList<int> RepeatedSources { get; }

    /// <summary>All features, row-major.</summary>
    /// <returns>A new <c>SampleCount × FeatureCount</c> array.</returns>
    public double[,] GetFeatures()
    {
        var x = new double[SampleCount, FeatureCount];
        for (var j = 0; j < FeatureCount; j++)
        {
            for (var i = 0; i < SampleCount; i++)
            {
                x[i, j] = features[j][i];
            }
        }

        return x;
    }

    /// <summary>One feature column.</summary>
    /// <param name="feature">The 0-based feature index.</param>
    /// <returns>A new array with one value per row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feature"/> is not in [0, <see cref="FeatureCount"/>).</exception>
    public double[] GetFeature(int feature)
    {
        if ((uint)feature >= (uint)FeatureCount)
        {
            throw new ArgumentOutOfRangeException(nameof(feature), feature, string.Create(CultureInfo.InvariantCulture, $"feature is {feature}; it must be in [0, {FeatureCount}). Pass a feature index."));
        }

        return (double[])features[feature].Clone();
    }

    /// <summary>The class of every row, 0 … <c>ClassCount − 1</c>.</summary>
    /// <returns>A new array.</returns>
    public int[] GetClasses() => (int[])classes.Clone();

    /// <summary>The binary labels: true where the class is 1 (the minority class when weights such as [0.9, 0.1] are given).</summary>
    /// <returns>A new array.</returns>
    public bool[] GetLabels() => Array.ConvertAll(classes, c => c == 1);

    /// <summary>Which rows had their class replaced by a uniformly drawn class (the <c>flipY</c> label noise); the new class may equal the old one.</summary>
    /// <returns>A new array.</returns>
    public bool[] GetLabelNoiseMask() => (bool[])labelNoise.Clone();

    /// <summary>
    /// The data as a <see cref="Dataset"/>: numeric features <c>x0</c>, <c>x1</c>, … and label <c>y</c> with class
    /// values "0", "1", …; the positive class is "1".
    /// </summary>
    /// <param name="name">The data set name.</param>
    /// <returns>A data set sharing no arrays with this object.</returns>
    public Dataset ToDataset(string name = "make_classification")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var schema = new DatasetSchema(
            [.. Enumerable.Range(0, FeatureCount).Select(j => (FormattableString.Invariant($"x{j}"), (CategoricalColumn?)null))],
            "y", [.. Enumerable.Range(0, ClassCount).Select(c => c.ToString(CultureInfo.InvariantCulture))], ClassCount > 1 ? "1" : null);
        return new Dataset(name, null, schema, Array.ConvertAll(features, f => (double[])f.Clone()), [], GetClasses());
    }

    private IReadOnlyList<int> Indices(FeatureRole role) =>
        Array.AsReadOnly(Enumerable.Range(0, roles.Length).Where(j => roles[j] == role).ToArray());
}
