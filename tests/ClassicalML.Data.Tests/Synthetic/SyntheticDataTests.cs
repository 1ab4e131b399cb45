using System.Text.Json;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;

namespace ClassicalML.Data.Tests;

public class SyntheticDataTests
{
    [Fact]
    public void MakeClassification_SameSeed_BitIdentical()
    {
        var a = SyntheticData.MakeClassification(seed: 42, samples: 300, features: 12, informative: 3, redundant: 2, repeated: 2, flipY: 0.1, shift: null, scale: null);
        var b = SyntheticData.MakeClassification(seed: 42, samples: 300, features: 12, informative: 3, redundant: 2, repeated: 2, flipY: 0.1, shift: null, scale: null);

        Assert.Equal(Bits(a.GetFeatures()), Bits(b.GetFeatures()));
        Assert.Equal(a.GetClasses(), b.GetClasses());
        Assert.Equal(a.GetLabelNoiseMask(), b.GetLabelNoiseMask());
        Assert.Equal(a.FeatureRoles, b.FeatureRoles);
    }

    [Fact]
    public void MakeClassification_OtherSeed_Differs()
    {
        var a = SyntheticData.MakeClassification(seed: 1);
        var b = SyntheticData.MakeClassification(seed: 2);

        Assert.NotEqual(Bits(a.GetFeatures()), Bits(b.GetFeatures()));
    }

    [Fact]
    public void MakeClassification_NoShuffle_RolesInSklearnOrder()
    {
        var data = SyntheticData.MakeClassification(seed: 0, features: 10, informative: 3, redundant: 2, repeated: 1, shuffle: false);

        Assert.Equal([0, 1, 2], data.InformativeFeatures);
        Assert.Equal([3, 4], data.RedundantFeatures);
        Assert.Equal([5], data.RepeatedFeatures);
        Assert.Equal([6, 7, 8, 9], data.NoiseFeatures);
    }

    [Fact]
    public void MakeClassification_RedundantFeatures_AreExactLinearCombinationsOfInformative()
    {
        var data = SyntheticData.MakeClassification(seed: 7, samples: 500, features: 15, informative: 4, redundant: 3, repeated: 2);
        var informative = Matrix<double>.Build.DenseOfColumnArrays(data.InformativeFeatures.Select(data.GetFeature));

        foreach (var j in data.RedundantFeatures)
        {
            var target = Vector<double>.Build.DenseOfArray(data.GetFeature(j));
            var coefficients = informative.QR().Solve(target);
            var residual = (informative * coefficients) - target;
            Assert.True(residual.InfinityNorm() < 1e-9, $"feature {j}: residual {residual.InfinityNorm()}");
        }

        // A noise feature is not such a combination.
        var noise = Vector<double>.Build.DenseOfArray(data.GetFeature(data.NoiseFeatures[0]));
        Assert.True(((informative * informative.QR().Solve(noise)) - noise).InfinityNorm() > 0.5);
    }

    [Fact]
    public void MakeClassification_RepeatedFeatures_CopyTheirSources()
    {
        var data = SyntheticData.MakeClassification(seed: 3, samples: 200, features: 12, informative: 3, redundant: 2, repeated: 3);

        Assert.Equal(3, data.RepeatedSources.Count);
        for (var k = 0; k < data.RepeatedFeatures.Count; k++)
        {
            var source = data.RepeatedSources[k];
            Assert.Contains(data.FeatureRoles[source], new[] { FeatureRole.Informative, FeatureRole.Redundant });
            Assert.Equal(data.GetFeature(source), data.GetFeature(data.RepeatedFeatures[k]));
        }
    }

    [Fact]
    public void MakeClassification_NoiseFeatures_IndependentOfLabel_InformativeNot()
    {
        var data = SyntheticData.MakeClassification(seed: 11, samples: 20000, features: 8, informative: 2, redundant: 0, clustersPerClass: 1, flipY: 0, classSeparation: 1.5);
        var labels = data.GetLabels();

        foreach (var j in data.NoiseFeatures)
        {
            Assert.InRange(WelchT(data.GetFeature(j), labels), -4.5, 4.5);
        }

        Assert.True(data.InformativeFeatures.Max(j => Math.Abs(WelchT(data.GetFeature(j), labels))) > 20);
    }

    [Fact]
    public void MakeClassification_Hypercube_ClassMeansAtPlusMinusClassSeparation()
    {
        const double sep = 2.5;
        var data = SyntheticData.MakeClassification(seed: 5, samples: 20000, features: 2, informative: 2, redundant: 0, clustersPerClass: 1, flipY: 0, classSeparation: sep, shuffle: false);
        var classes = data.GetClasses();

        for (var j = 0; j < 2; j++)
        {
            var x = data.GetFeature(j);
            foreach (var c in new[] { 0, 1 })
            {
                var mean = x.Where((_, i) => classes[i] == c).Average();
                Assert.InRange(Math.Abs(mean), sep - 0.1, sep + 0.1);
            }
        }
    }

    public static TheoryData<int, int, int, int, double[]?, int[]> SklearnCounts()
    {
        var path = ReferenceFile("make_classification_counts.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var data = new TheoryData<int, int, int, int, double[]?, int[]>();
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var weights = c.GetProperty("weights");
            data.Add(
                c.GetProperty("n_samples").GetInt32(), c.GetProperty("n_classes").GetInt32(), c.GetProperty("n_clusters_per_class").GetInt32(),
                c.GetProperty("n_informative").GetInt32(),
                weights.ValueKind == JsonValueKind.Null ? null : [.. weights.EnumerateArray().Select(w => w.GetDouble())],
                [.. c.GetProperty("counts").EnumerateArray().Select(v => v.GetInt32())]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SklearnCounts))]
    public void MakeClassification_NoLabelNoise_ClassCountsMatchScikitLearn(int samples, int classes, int clustersPerClass, int informative, double[]? weights, int[] expected)
    {
        var data = SyntheticData.MakeClassification(seed: 9, samples: samples, features: 10, informative: informative, redundant: 2, classes: classes, clustersPerClass: clustersPerClass, weights: weights, flipY: 0);

        var counts = Enumerable.Range(0, classes).Select(c => data.GetClasses().Count(y => y == c));

        Assert.Equal(expected, counts);
    }

    [Fact]
    public void MakeClassification_FlipY_ReDrawsAboutThatShare()
    {
        const int n = 20000;
        const double flipY = 0.2;
        var clean = SyntheticData.MakeClassification(seed: 4, samples: n, classes: 3, informative: 3, flipY: 0, shuffle: false);
        var noisy = SyntheticData.MakeClassification(seed: 4, samples: n, classes: 3, informative: 3, flipY: flipY, shuffle: false);
        var mask = noisy.GetLabelNoiseMask();
        var before = clean.GetClasses();
        var after = noisy.GetClasses();

        var share = mask.Count(m => m) / (double)n;
        var changed = Enumerable.Range(0, n).Count(i => before[i] != after[i]);

        Assert.InRange(share, flipY - (4 * Math.Sqrt(flipY * (1 - flipY) / n)), flipY + (4 * Math.Sqrt(flipY * (1 - flipY) / n)));
        Assert.All(Enumerable.Range(0, n).Where(i => before[i] != after[i]), i => Assert.True(mask[i]));
        var expectedChanged = n * flipY * 2 / 3;
        Assert.InRange(changed, expectedChanged - (4 * Math.Sqrt(expectedChanged)), expectedChanged + (4 * Math.Sqrt(expectedChanged)));
        Assert.Equal(Bits(clean.GetFeatures()), Bits(noisy.GetFeatures()));
    }

    [Fact]
    public void MakeClassification_ToDataset_NamesColumnsAndPositiveClass()
    {
        var synthetic = SyntheticData.MakeClassification(seed: 0, samples: 50, features: 5, informative: 2, redundant: 1, weights: [0.8]);

        var data = synthetic.ToDataset();

        Assert.Equal(["x0", "x1", "x2", "x3", "x4"], data.Schema.NumericColumns);
        Assert.Equal(["0", "1"], data.Schema.ClassValues);
        Assert.Equal(synthetic.GetLabels(), data.BinaryLabels());
        Assert.Equal(synthetic.GetFeature(3), data.GetNumeric("x3"));
    }

    [Fact]
    public void MakeClassification_TooFewFeatures_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(seed: 0, features: 4, informative: 3, redundant: 2));

        Assert.StartsWith("features is 4, less than informative + redundant + repeated = 5. Raise features or lower the other counts.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeClassification_TooManyClusters_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(seed: 0, informative: 2, classes: 3, clustersPerClass: 2));

        Assert.StartsWith("classes × clustersPerClass = 6 clusters need distinct hypercube vertices, but 2 informative features give only 4. Raise informative or lower classes or clustersPerClass.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MakeClassification_WrongWeightCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SyntheticData.MakeClassification(seed: 0, informative: 3, classes: 4, clustersPerClass: 1, weights: [0.5, 0.5]));

        Assert.Equal("weights has 2 entries; it needs 4 (one per class) or 3 (the last class takes the rest). Pass one share per class. (Parameter 'weights')", ex.Message);
    }

    [Property(MaxTest = 40)]
    public bool MakeClassification_AnySeed_RolesAndShapesConsistent(int seed, byte extra)
    {
        var features = 5 + (extra % 6);
        var data = SyntheticData.MakeClassification(seed, samples: 37, features: features, informative: 2, redundant: 1, repeated: 1);
        var again = SyntheticData.MakeClassification(seed, samples: 37, features: features, informative: 2, redundant: 1, repeated: 1);
        return data.SampleCount == 37
            && data.FeatureCount == features
            && data.InformativeFeatures.Count == 2 && data.RedundantFeatures.Count == 1 && data.RepeatedFeatures.Count == 1
            && data.NoiseFeatures.Count == features - 4
            && data.GetClasses().All(c => c is 0 or 1)
            && Bits(data.GetFeatures()).SequenceEqual(Bits(again.GetFeatures()));
    }

    [Fact]
    public void MakeHighCardinality_SameSeed_BitIdentical()
    {
        var a = SyntheticData.MakeHighCardinality(seed: 8, samples: 2000, levels: 50);
        var b = SyntheticData.MakeHighCardinality(seed: 8, samples: 2000, levels: 50);

        Assert.Equal(a.GetLevelCodes(), b.GetLevelCodes());
        Assert.Equal(a.GetLabels(), b.GetLabels());
        Assert.Equal(a.GetNumeric(2).Select(BitConverter.DoubleToInt64Bits), b.GetNumeric(2).Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.LevelEffects, b.LevelEffects);
    }

    [Fact]
    public void MakeHighCardinality_LevelFrequencies_FollowZipf()
    {
        const int n = 50000;
        var data = SyntheticData.MakeHighCardinality(seed: 1, samples: n, levels: 30, levelSkew: 1.0);
        var codes = data.GetLevelCodes();

        for (var k = 0; k < 30; k++)
        {
            var p = data.LevelProbabilities[k];
            Assert.Equal(1.0 / (k + 1) / Enumerable.Range(1, 30).Sum(i => 1.0 / i), p, 12);
            var observed = codes.Count(c => c == k) / (double)n;
            Assert.InRange(observed, p - (5 * Math.Sqrt(p * (1 - p) / n)), p + (5 * Math.Sqrt(p * (1 - p) / n)));
        }

        Assert.Equal("L00", data.LevelNames[0]);
        Assert.Equal("L29", data.LevelNames[29]);
    }

    [Fact]
    public void MakeHighCardinality_LevelEffects_DriveLabelRates()
    {
        const int n = 60000;
        var data = SyntheticData.MakeHighCardinality(seed: 2, samples: n, levels: 12, numericFeatures: 0, levelEffectSd: 1.5, levelSkew: 0, intercept: 0);
        var codes = data.GetLevelCodes();
        var labels = data.GetLabels();

        for (var k = 0; k < 12; k++)
        {
            var rows = Enumerable.Range(0, n).Where(i => codes[i] == k).ToArray();
            var p = 1 / (1 + Math.Exp(-data.LevelEffects[k]));
            var rate = rows.Count(i => labels[i]) / (double)rows.Length;
            Assert.InRange(rate, p - (5 * Math.Sqrt(p * (1 - p) / rows.Length)), p + (5 * Math.Sqrt(p * (1 - p) / rows.Length)));
        }
    }

    [Fact]
    public void MakeHighCardinality_TrueProbabilities_FollowTheLogisticModel()
    {
        var data = SyntheticData.MakeHighCardinality(seed: 3, samples: 500, levels: 40, numericFeatures: 2, intercept: -0.5);
        var codes = data.GetLevelCodes();
        var x0 = data.GetNumeric(0);
        var x1 = data.GetNumeric(1);
        var truth = data.GetTrueProbabilities();

        for (var i = 0; i < 500; i++)
        {
            var logit = -0.5 + data.LevelEffects[codes[i]] + (data.NumericCoefficients[0] * x0[i]) + (data.NumericCoefficients[1] * x1[i]);
            Assert.Equal(1 / (1 + Math.Exp(-logit)), truth[i], 12);
        }
    }

    [Fact]
    public void MakeHighCardinality_ToDataset_HasLevelColumnWithAllLevels()
    {
        var synthetic = SyntheticData.MakeHighCardinality(seed: 0, samples: 100, levels: 500, numericFeatures: 2);

        var data = synthetic.ToDataset();

        Assert.Equal(["level", "x0", "x1"], data.Schema.FeatureColumns);
        Assert.Equal(500, data.Schema.Categorical("level").Levels.Count);
        Assert.Equal(synthetic.GetLevels(), data.GetCategorical("level"));
        Assert.Equal(synthetic.GetLabels(), data.BinaryLabels());
    }

    /// <summary>
    /// Finds tests/reference/data/<paramref name="name"/> by walking up from the test binaries, so the fixture needs
    /// no copy step in the project file (which the splits helper also edits).
    /// </summary>
    private static string ReferenceFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "reference", "data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"tests/reference/data/{name} not found above {AppContext.BaseDirectory}; run the tests from the repository.", name);
    }

    private static long[] Bits(double[,] x) => x.Cast<double>().Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static double WelchT(double[] x, bool[] labels)
    {
        var a = x.Where((_, i) => labels[i]).ToArray();
        var b = x.Where((_, i) => !labels[i]).ToArray();
        static (double Mean, double Var) Moments(double[] v)
        {
            var m = v.Average();
            return (m, v.Sum(t => (t - m) * (t - m)) / (v.Length - 1));
        }

        var (ma, va) = Moments(a);
        var (mb, vb) = Moments(b);
        return (ma - mb) / Math.Sqrt((va / a.Length) + (vb / b.Length));
    }
}
