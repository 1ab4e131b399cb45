using System.Globalization;
using ClassicalML.Evaluation;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace ClassicalML.Data;

/// <summary>
/// Seeded synthetic data generators. Every generator draws from <see cref="MersenneTwister"/> seeded with the given
/// seed, so the same arguments give bit-identical output on every machine.
/// </summary>
public static class SyntheticData
{
    /// <summary>
    /// A random classification problem with the structure of scikit-learn's <c>make_classification</c>
    /// (same parameters and the same steps, in the same order; the numbers differ because the generator differs).
    /// </summary>
    /// <param name="seed">The seed of the <see cref="MersenneTwister"/> that draws everything.</param>
    /// <param name="samples">The number of rows, at least 1.</param>
    /// <param name="features">The total number of features: informative + redundant + repeated + noise.</param>
    /// <param name="informative">The number of informative features, at least 1.</param>
    /// <param name="redundant">The number of redundant features (linear combinations of the informative ones).</param>
    /// <param name="repeated">The number of repeated features (copies of informative or redundant ones).</param>
    /// <param name="classes">The number of classes, at least 2.</param>
    /// <param name="clustersPerClass">The number of Gaussian clusters per class, at least 1.</param>
    /// <param name="weights">The share of rows per class (length <paramref name="classes"/>, or <paramref name="classes"/> − 1 with the last class taking the rest); <see langword="null"/> for equal shares.</param>
    /// <param name="flipY">The fraction of rows whose class is re-drawn uniformly at random (label noise), in [0, 1]. Since the new class may equal the old, about <c>flipY·(1 − 1/classes)</c> of the labels actually change.</param>
    /// <param name="classSeparation">The hypercube half-side: cluster centres are at ±<paramref name="classSeparation"/> on each informative axis.</param>
    /// <param name="hypercube">True to put the centres on hypercube vertices; false to put them at random points of a random polytope.</param>
    /// <param name="shift">Added to every feature; <see langword="null"/> for a random shift per feature, uniform in [−classSeparation, classSeparation].</param>
    /// <param name="scale">Multiplies every feature after the shift; <see langword="null"/> for a random scale per feature, uniform in [1, 101].</param>
    /// <param name="shuffle">True to shuffle the rows and the feature order; the roles are reported after the shuffle.</param>
    /// <returns>The features, classes, the role of every feature and the label-noise mask.</returns>
    /// <remarks>
    /// Steps, as in scikit-learn 1.2: (1) rows per cluster <c>⌊samples·w_c / clustersPerClass⌋</c>, the remainder spread one
    /// by one over the clusters; (2) <c>classes·clustersPerClass</c> distinct vertices of the hypercube
    /// {−s, +s}^informative (s = classSeparation) as cluster centres, cluster k belonging to class k mod classes;
    /// (3) informative features of a row in cluster k: <c>z·A_k + centre_k</c>, z standard normal, A_k uniform in
    /// [−1, 1]^(informative×informative) (a random covariance); (4) redundant = informative·B, B uniform in
    /// [−1, 1]^(informative×redundant); (5) repeated = copies of randomly chosen informative or redundant columns;
    /// (6) the remaining features standard normal; (7) label noise; (8) <c>x ← (x + shift)·scale</c>; (9) shuffle.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range, the feature counts do not add up,
    /// <c>classes·clustersPerClass</c> exceeds <c>2^informative</c>, <paramref name="flipY"/> is outside [0, 1],
    /// or <paramref name="classSeparation"/> is not a finite positive number.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> has the wrong length, a negative entry, or does not sum to 1.</exception>
    public static SyntheticClassification MakeClassification(
        int seed,
        int samples = 100,
        int features = 20,
        int informative = 2,
        int redundant = 2,
        int repeated = 0,
        int classes = 2,
        int clustersPerClass = 2,
        IReadOnlyList<double>? weights = null,
        double flipY = 0.01,
        double classSeparation = 1.0,
        bool hypercube = true,
        double? shift = 0.0,
        double? scale = 1.0,
        bool shuffle = true)
    {
        CheckClassificationArguments(samples, features, informative, redundant, repeated, classes, clustersPerClass, flipY, classSeparation);
        var clusters = classes * clustersPerClass;
        var w = ClassWeights(weights, classes);
        var rng = new MersenneTwister(seed);

        // The steps draw from rng in scikit-learn's order; reordering them changes every number.
        var perCluster = RowsPerCluster(samples, w, classes, clustersPerClass);
        var centroids = Centroids(clusters, informative, classSeparation, hypercube, rng);
        var (x, y) = InformativeFeatures(samples, features, informative, classes, perCluster, centroids, rng);
        AddRedundant(x, informative, redundant, rng);
        var n = informative + redundant;
        var sources = AddRepeated(x, n, repeated, rng);
        AddNoise(x, n + repeated, rng);
        var flipped = FlipLabels(y, flipY, classes, rng);
        ShiftAndScale(x, shift, scale, classSeparation, rng);

        var roles = new FeatureRole[features];
        Array.Fill(roles, FeatureRole.Noise);
        Array.Fill(roles, FeatureRole.Informative, 0, informative);
        Array.Fill(roles, FeatureRole.Redundant, informative, redundant);
        Array.Fill(roles, FeatureRole.Repeated, n, repeated);

        // (9) shuffle rows, then columns.
        var rowOrder = Enumerable.Range(0, samples).ToArray();
        var columnOrder = Enumerable.Range(0, features).ToArray();
        if (shuffle)
        {
            Shuffle(rowOrder, rng);
            Shuffle(columnOrder, rng);
        }

        var newPosition = new int[features];
        for (var j = 0; j < features; j++)
        {
            newPosition[columnOrder[j]] = j;
        }

        var columns = new double[features][];
        for (var j = 0; j < features; j++)
        {
            columns[j] = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                columns[j][i] = x[rowOrder[i]][columnOrder[j]];
            }
        }

        var shuffledRoles = Array.ConvertAll(columnOrder, j => roles[j]);
        var repeatedSources = Enumerable.Range(0, features).Where(j => shuffledRoles[j] == FeatureRole.Repeated)
            .Select(j => newPosition[sources[columnOrder[j] - n]]).ToArray();
        return new SyntheticClassification(seed, classes, columns, Array.ConvertAll(rowOrder, i => y[i]), Array.ConvertAll(rowOrder, i => flipped[i]), shuffledRoles, repeatedSources);
    }

    private static void CheckClassificationArguments(
        int samples, int features, int informative, int redundant, int repeated, int classes, int clustersPerClass, double flipY, double classSeparation)
    {
        Preconditions.CheckAtLeast(samples, 1, nameof(samples), "Ask for at least one row.");
        Preconditions.CheckAtLeast(informative, 1, nameof(informative), "Use at least one informative feature.");
        Preconditions.CheckAtLeast(redundant, 0, nameof(redundant), "Use 0 for no redundant features.");
        Preconditions.CheckAtLeast(repeated, 0, nameof(repeated), "Use 0 for no repeated features.");
        Preconditions.CheckAtLeast(classes, 2, nameof(classes), "Use at least two classes.");
        Preconditions.CheckAtLeast(clustersPerClass, 1, nameof(clustersPerClass), "Use at least one cluster per class.");
        if (informative + redundant + repeated > features)
        {
            throw new ArgumentOutOfRangeException(nameof(features), features,
                string.Create(CultureInfo.InvariantCulture, $"features is {features}, less than informative + redundant + repeated = {informative + redundant + repeated}. Raise features or lower the other counts."));
        }

        var clusters = classes * clustersPerClass;
        if (informative < 31 && clusters > 1 << informative)
        {
            throw new ArgumentOutOfRangeException(nameof(informative), informative,
                string.Create(CultureInfo.InvariantCulture, $"classes × clustersPerClass = {clusters} clusters need distinct hypercube vertices, but {informative} informative features give only {1 << informative}. Raise informative or lower classes or clustersPerClass."));
        }

        Preconditions.CheckProbability(flipY, nameof(flipY), "Use 0 for no label noise.");

        Preconditions.CheckPositive(classSeparation, nameof(classSeparation), "The default is 1.");
    }

    /// <summary>(1) Rows per cluster: each class's share split evenly over its clusters, the remainder one by one.</summary>
    private static int[] RowsPerCluster(int samples, double[] w, int classes, int clustersPerClass)
    {
        var clusters = classes * clustersPerClass;
        var perCluster = new int[clusters];
        for (var k = 0; k < clusters; k++)
        {
            perCluster[k] = (int)(samples * w[k % classes] / clustersPerClass);
        }

        var remainder = samples - perCluster.Sum();
        for (var i = 0; i < remainder; i++)
        {
            perCluster[i % clusters]++;
        }

        return perCluster;
    }

    /// <summary>(2) Cluster centres on distinct hypercube vertices, optionally scaled at random off the vertices.</summary>
    private static double[][] Centroids(int clusters, int informative, double classSeparation, bool hypercube, MersenneTwister rng)
    {
        var centroids = Hypercube(clusters, informative, rng);
        for (var k = 0; k < clusters; k++)
        {
            for (var j = 0; j < informative; j++)
            {
                centroids[k][j] = (centroids[k][j] * 2 * classSeparation) - classSeparation;
            }
        }

        if (!hypercube)
        {
            var rowFactor = Enumerable.Range(0, clusters).Select(_ => rng.NextDouble()).ToArray();
            var columnFactor = Enumerable.Range(0, informative).Select(_ => rng.NextDouble()).ToArray();
            for (var k = 0; k < clusters; k++)
            {
                for (var j = 0; j < informative; j++)
                {
                    centroids[k][j] *= rowFactor[k] * columnFactor[j];
                }
            }
        }

        return centroids;
    }

    /// <summary>(3) Informative features: standard normal, then a random covariance and the centre per cluster; the labels.</summary>
    private static (double[][] X, int[] Y) InformativeFeatures(
        int samples, int features, int informative, int classes, int[] perCluster, double[][] centroids, MersenneTwister rng)
    {
        var x = new double[samples][];
        for (var i = 0; i < samples; i++)
        {
            x[i] = new double[features];
            for (var j = 0; j < informative; j++)
            {
                x[i][j] = Normal.Sample(rng, 0, 1);
            }
        }

        var y = new int[samples];
        var start = 0;
        var z = new double[informative];
        for (var k = 0; k < perCluster.Length; k++)
        {
            var a = Uniform(rng, informative, informative);
            for (var i = start; i < start + perCluster[k]; i++)
            {
                y[i] = k % classes;
                Array.Copy(x[i], z, informative);
                for (var j = 0; j < informative; j++)
                {
                    var sum = 0.0;
                    for (var m = 0; m < informative; m++)
                    {
                        sum += z[m] * a[m, j];
                    }

                    x[i][j] = sum + centroids[k][j];
                }
            }

            start += perCluster[k];
        }

        return (x, y);
    }

    /// <summary>(4) Redundant features = informative · B, B uniform in [-1, 1].</summary>
    private static void AddRedundant(double[][] x, int informative, int redundant, MersenneTwister rng)
    {
        if (redundant == 0)
        {
            return;
        }

        var b = Uniform(rng, informative, redundant);
        foreach (var row in x)
        {
            for (var r = 0; r < redundant; r++)
            {
                var sum = 0.0;
                for (var m = 0; m < informative; m++)
                {
                    sum += row[m] * b[m, r];
                }

                row[informative + r] = sum;
            }
        }
    }

    /// <summary>(5) Repeated copies of random informative or redundant columns; returns each copy's source column.</summary>
    private static int[] AddRepeated(double[][] x, int n, int repeated, MersenneTwister rng)
    {
        var sources = new int[repeated];
        for (var r = 0; r < repeated; r++)
        {
            sources[r] = (int)(((n - 1) * rng.NextDouble()) + 0.5);
        }

        foreach (var row in x)
        {
            for (var r = 0; r < repeated; r++)
            {
                row[n + r] = row[sources[r]];
            }
        }

        return sources;
    }

    /// <summary>(6) The remaining features, from column <paramref name="first"/> on, standard normal.</summary>
    private static void AddNoise(double[][] x, int first, MersenneTwister rng)
    {
        foreach (var row in x)
        {
            for (var j = first; j < row.Length; j++)
            {
                row[j] = Normal.Sample(rng, 0, 1);
            }
        }
    }

    /// <summary>(7) Label noise: re-draw the class of a <paramref name="flipY"/> share of rows; returns which were re-drawn.</summary>
    private static bool[] FlipLabels(int[] y, double flipY, int classes, MersenneTwister rng)
    {
        var flipped = new bool[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            flipped[i] = rng.NextDouble() < flipY;
        }

        for (var i = 0; i < y.Length; i++)
        {
            if (flipped[i])
            {
                y[i] = rng.Next(classes);
            }
        }

        return flipped;
    }

    /// <summary>(8) x ← (x + shift)·scale per feature; a null shift or scale is drawn at random, as scikit-learn's None.</summary>
    private static void ShiftAndScale(double[][] x, double? shift, double? scale, double classSeparation, MersenneTwister rng)
    {
        var features = x[0].Length;
        var shifts = shift is { } s ? Enumerable.Repeat(s, features).ToArray() : Enumerable.Range(0, features).Select(_ => ((2 * rng.NextDouble()) - 1) * classSeparation).ToArray();
        var scales = scale is { } c ? Enumerable.Repeat(c, features).ToArray() : Enumerable.Range(0, features).Select(_ => 1 + (100 * rng.NextDouble())).ToArray();
        foreach (var row in x)
        {
            for (var j = 0; j < features; j++)
            {
                row[j] = (row[j] + shifts[j]) * scales[j];
            }
        }
    }

    /// <summary>
    /// A binary problem with one high-cardinality nominal feature whose levels each shift the log-odds by their own
    /// amount, plus a few standard normal numeric features: the test bed for categorical encodings.
    /// </summary>
    /// <param name="seed">The seed of the <see cref="MersenneTwister"/> that draws everything.</param>
    /// <param name="samples">The number of rows, at least 1.</param>
    /// <param name="levels">The number of levels of the nominal feature, at least 2.</param>
    /// <param name="numericFeatures">The number of numeric features, at least 0.</param>
    /// <param name="levelEffectSd">The standard deviation of the level effects on the log-odds (≥ 0).</param>
    /// <param name="levelSkew">The Zipf exponent of the level frequencies: level k (0-based) has probability ∝ 1/(k+1)^skew; 0 gives equal frequencies.</param>
    /// <param name="intercept">The intercept of the log-odds.</param>
    /// <returns>The rows, the true level effects, coefficients and probabilities.</returns>
    /// <remarks>
    /// Draw order: level effects <c>u_k ~ N(0, levelEffectSd²)</c>; numeric coefficients <c>β_j ~ N(0, 1)</c>; then per row
    /// the level <c>k ~ Categorical(p)</c>, numeric features <c>x_j ~ N(0, 1)</c> and the label
    /// <c>y ~ Bernoulli(σ(intercept + u_k + Σ_j β_j x_j))</c> with σ(t) = 1/(1 + e^(−t)). Levels are named <c>L0</c>,
    /// <c>L1</c>, … (zero-padded), L0 being the most frequent.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count or parameter is out of range.</exception>
    public static HighCardinalityData MakeHighCardinality(
        int seed,
        int samples = 5000,
        int levels = 200,
        int numericFeatures = 3,
        double levelEffectSd = 1.0,
        double levelSkew = 1.0,
        double intercept = 0.0)
    {
        Preconditions.CheckAtLeast(samples, 1, nameof(samples), "Ask for at least one row.");
        Preconditions.CheckAtLeast(levels, 2, nameof(levels), "Use at least two levels.");
        Preconditions.CheckAtLeast(numericFeatures, 0, nameof(numericFeatures), "Use 0 for no numeric features.");
        Preconditions.CheckNonNegative(levelEffectSd, nameof(levelEffectSd), "The default is 1.");
        Preconditions.CheckNonNegative(levelSkew, nameof(levelSkew), "Use 0 for equally frequent levels.");

        if (!double.IsFinite(intercept))
        {
            throw new ArgumentOutOfRangeException(nameof(intercept), intercept, string.Create(CultureInfo.InvariantCulture, $"intercept is {intercept}; it must be finite."));
        }

        var rng = new MersenneTwister(seed);
        var weights = Enumerable.Range(0, levels).Select(k => Math.Pow(k + 1, -levelSkew)).ToArray();
        var total = weights.Sum();
        var probabilities = Array.ConvertAll(weights, v => v / total);
        var effects = Enumerable.Range(0, levels).Select(_ => levelEffectSd == 0 ? 0.0 : Normal.Sample(rng, 0, levelEffectSd)).ToArray();
        var coefficients = Enumerable.Range(0, numericFeatures).Select(_ => Normal.Sample(rng, 0, 1)).ToArray();
        var codes = new int[samples];
        var numeric = Enumerable.Range(0, numericFeatures).Select(_ => new double[samples]).ToArray();
        var truth = new double[samples];
        var labels = new bool[samples];
        for (var i = 0; i < samples; i++)
        {
            codes[i] = Categorical.Sample(rng, probabilities);
            var logit = intercept + effects[codes[i]];
            for (var j = 0; j < numericFeatures; j++)
            {
                numeric[j][i] = Normal.Sample(rng, 0, 1);
                logit += coefficients[j] * numeric[j][i];
            }

            truth[i] = 1 / (1 + Math.Exp(-logit));
            labels[i] = rng.NextDouble() < truth[i];
        }

        var width = (levels - 1).ToString(CultureInfo.InvariantCulture).Length;
        var names = Enumerable.Range(0, levels).Select(k => "L" + k.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')).ToArray();
        return new HighCardinalityData(seed, intercept, names, probabilities, effects, coefficients, codes, numeric, truth, labels);
    }

    private static double[] ClassWeights(IReadOnlyList<double>? weights, int classes)
    {
        if (weights is null)
        {
            return Enumerable.Repeat(1.0 / classes, classes).ToArray();
        }

        if (weights.Count != classes && weights.Count != classes - 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weights has {weights.Count} entries; it needs {classes} (one per class) or {classes - 1} (the last class takes the rest). Pass one share per class."), nameof(weights));
        }

        var w = weights.ToList();
        if (w.Count == classes - 1)
        {
            w.Add(1 - w.Sum());
        }

        for (var c = 0; c < w.Count; c++)
        {
            if (!(w[c] >= 0 && w[c] <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weights[{c}] is {w[c]}; every class share must be in [0, 1] and the shares must sum to 1. Pass shares such as [0.9, 0.1]."), nameof(weights));
            }
        }

        if (Math.Abs(w.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weights sum to {w.Sum()}; the class shares must sum to 1. Rescale them."), nameof(weights));
        }

        return [.. w];
    }

    private static double[][] Hypercube(int vertices, int dimensions, MersenneTwister rng)
    {
        var result = new double[vertices][];
        if (dimensions > 30)
        {
            // As scikit-learn does: random bit vectors; a repeat among 2^31+ vertices is negligible.
            for (var k = 0; k < vertices; k++)
            {
                result[k] = Enumerable.Range(0, dimensions).Select(_ => (double)rng.Next(2)).ToArray();
            }

            return result;
        }

        var chosen = new HashSet<int>();
        for (var k = 0; k < vertices; k++)
        {
            int v;
            do
            {
                v = rng.Next(1 << dimensions);
            }
            while (!chosen.Add(v));
            result[k] = Enumerable.Range(0, dimensions).Select(bit => (double)((v >> bit) & 1)).ToArray();
        }

        return result;
    }

    private static double[,] Uniform(MersenneTwister rng, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                m[i, j] = (2 * rng.NextDouble()) - 1;
            }
        }

        return m;
    }

    private static void Shuffle(int[] values, MersenneTwister rng)
    {
        // Fisher–Yates.
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
