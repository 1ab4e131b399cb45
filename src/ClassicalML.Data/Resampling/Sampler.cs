using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;
using MathNet.Numerics.Random;

namespace ClassicalML.Data.Resampling;

/// <summary>Whether a sampler adds rows or removes them.</summary>
public enum SamplingKind
{
    /// <summary>Adds rows to the smaller classes.</summary>
    OverSampling = 0,

    /// <summary>Removes rows from the larger classes.</summary>
    UnderSampling = 1,
}

/// <summary>
/// Base of the samplers, in the style of imbalanced-learn's <c>BaseSampler</c>: <c>Resample</c>
/// validates the training rows, labels, features and strategy, works out how many rows each class
/// needs, then calls the sampler-specific step. Only training rows are ever resampled.
/// </summary>
/// <remarks>
/// Labels and features are indexed by the caller's row index (the whole data set); the sampler
/// reads only the rows in the <see cref="TrainingRows"/> token. Same seed → same rows, bit for bit
/// (MT19937 from MathNet.Numerics).
/// </remarks>
public abstract class Sampler
{
    private protected Sampler(int seed, SamplingStrategy? strategy)
    {
        Seed = seed;
        Strategy = strategy ?? SamplingStrategy.Auto;
    }

    /// <summary>Seed of the sampler's generator.</summary>
    public int Seed { get; }

    /// <summary>The target class balance.</summary>
    public SamplingStrategy Strategy { get; }

    /// <summary>Whether this sampler adds or removes rows.</summary>
    public abstract SamplingKind Kind { get; }

    /// <summary>Resamples the training rows of a fold.</summary>
    /// <typeparam name="TLabel">Type of the class label.</typeparam>
    /// <param name="fold">The fold; only its training rows are used.</param>
    /// <param name="labels">The label of every row of the data set.</param>
    /// <param name="features">The feature values of every row of the data set.</param>
    /// <returns>The resampled training set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fold"/> or <paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="Resample{TLabel}(TrainingRows, ReadOnlySpan{TLabel}, IReadOnlyList{double[]})"/>.</exception>
    public ResampleResult<TLabel> Resample<TLabel>(Fold fold, ReadOnlySpan<TLabel> labels, IReadOnlyList<double[]> features)
        where TLabel : notnull
        => Resample(TrainingRows.Of(fold), labels, features);

    /// <summary>Resamples explicit training rows, refusing any that is also a held-out row.</summary>
    /// <typeparam name="TLabel">Type of the class label.</typeparam>
    /// <param name="trainIndices">The training rows.</param>
    /// <param name="heldOutIndices">Every test and validation row of the same data.</param>
    /// <param name="labels">The label of every row of the data set.</param>
    /// <param name="features">The feature values of every row of the data set.</param>
    /// <returns>The resampled training set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">A training index is negative, repeated or held out; or see <see cref="Resample{TLabel}(TrainingRows, ReadOnlySpan{TLabel}, IReadOnlyList{double[]})"/>.</exception>
    public ResampleResult<TLabel> Resample<TLabel>(ReadOnlySpan<int> trainIndices, ReadOnlySpan<int> heldOutIndices, ReadOnlySpan<TLabel> labels, IReadOnlyList<double[]> features)
        where TLabel : notnull
        => Resample(TrainingRows.Checked(trainIndices, heldOutIndices), labels, features);

    /// <summary>Resamples the training rows: validates, computes each class's target, then samples.</summary>
    /// <typeparam name="TLabel">Type of the class label; labels compare with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
    /// <param name="rows">The training rows to resample.</param>
    /// <param name="labels">The label of every row of the data set.</param>
    /// <param name="features">The feature values of every row of the data set (rows of equal length).</param>
    /// <returns>The resampled training set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">Lengths disagree, a row index is out of range, a label or feature row is
    /// missing, the rows hold one class only, a ratio is used with more than two classes, or the ratio asks
    /// an over-sampler to remove rows (or an under-sampler to add them).</exception>
    public ResampleResult<TLabel> Resample<TLabel>(TrainingRows rows, ReadOnlySpan<TLabel> labels, IReadOnlyList<double[]> features)
        where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        Preconditions.CheckSameLength(labels.Length, features.Count, nameof(labels), nameof(features));
        var train = rows.Indices;
        Preconditions.CheckNotEmpty(train.Length, nameof(rows), "There is nothing to resample; pass the training rows of a split.");

        var width = -1;
        var index = new Dictionary<TLabel, int>();
        var classes = new List<ClassRows<TLabel>>();
        for (var p = 0; p < train.Length; p++)
        {
            var row = train[p];
            if (row >= labels.Length)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"rows.Indices[{p}] is {row}, outside 0..{labels.Length - 1} (labels has {labels.Length} rows). Pass labels and features for the whole data set the split was made on."),
                    nameof(rows));
            }

            var label = labels[row] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"labels[{row}] is null; every training row needs a label. Drop unlabelled rows before splitting."),
                nameof(labels));
            var x = features[row] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"features[{row}] is null; every training row needs its feature values."),
                nameof(features));
            if (width < 0)
            {
                width = x.Length;
            }
            else if (x.Length != width)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"features[{row}] has {x.Length} values but features[{train[0]}] has {width}; every row needs the same number of features."),
                    nameof(features));
            }

            if (!index.TryGetValue(label, out var c))
            {
                c = classes.Count;
                index.Add(label, c);
                classes.Add(new ClassRows<TLabel>(label));
            }

            classes[c].Rows.Add(row);
        }

        var targets = Targets(classes);
        var input = new SamplerInput<TLabel>(train, classes, targets, features, Shuffling.CreateGenerator(Seed));
        var output = FitResample(input);
        return new ResampleResult<TLabel>(output, [.. classes.Select(c => new KeyValuePair<TLabel, int>(c.Label, c.Rows.Count))]);
    }

    /// <summary>The sampler-specific step (imbalanced-learn's <c>_fit_resample</c>).</summary>
    private protected abstract ImmutableArray<ResampledRow<TLabel>> FitResample<TLabel>(SamplerInput<TLabel> input)
        where TLabel : notnull;

    private protected static ImmutableArray<double> Copy(double[] x) => ImmutableArray.Create(x);

    /// <summary>Per class: rows to add (over-sampling) or rows to keep (under-sampling), as imbalanced-learn computes them.</summary>
    private int[] Targets<TLabel>(List<ClassRows<TLabel>> classes)
        where TLabel : notnull
    {
        if (classes.Count < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The training rows hold 1 class ('{classes[0].Label}'); resampling needs at least 2. Check the label column, or stratify the split so every class reaches the training rows."),
                "labels");
        }

        // First class with the largest (smallest) count, as imbalanced-learn's max/min over classes.
        int majority = 0, minority = 0;
        for (var c = 1; c < classes.Count; c++)
        {
            if (classes[c].Rows.Count > classes[majority].Rows.Count)
            {
                majority = c;
            }

            if (classes[c].Rows.Count < classes[minority].Rows.Count)
            {
                minority = c;
            }
        }

        int nMaj = classes[majority].Rows.Count, nMin = classes[minority].Rows.Count;
        var targets = new int[classes.Count];
        if (Strategy.TargetRatio is not { } ratio)
        {
            for (var c = 0; c < classes.Count; c++)
            {
                targets[c] = Kind == SamplingKind.OverSampling ? nMaj - classes[c].Rows.Count : Math.Min(nMin, classes[c].Rows.Count);
            }

            return targets;
        }

        if (classes.Count != 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Strategy is the ratio {Strategy} but the training rows hold {classes.Count} classes ({string.Join(", ", classes.Select(c => c.Label))}); sampling_strategy can be a float only when the target is binary. Use SamplingStrategy.Auto for multi-class targets."),
                "labels");
        }

        var current = (double)nMin / nMaj;
        if (Kind == SamplingKind.OverSampling)
        {
            targets[majority] = 0;
            var other = 1 - majority;
            targets[other] = (int)((nMaj * ratio) - classes[other].Rows.Count);
            if (targets[other] < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Strategy is the ratio {Strategy} but the training rows already have minority/majority = {nMin}/{nMaj} = {current:0.####}; reaching {Strategy} would remove minority rows, which an over-sampler cannot do. Use a ratio of at least {current:0.####}, or an under-sampler."),
                    "labels");
            }
        }
        else
        {
            targets[minority] = nMin;
            var other = 1 - minority;
            targets[other] = (int)(nMin / ratio);
            if (targets[other] > classes[other].Rows.Count)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Strategy is the ratio {Strategy} but the training rows already have minority/majority = {nMin}/{nMaj} = {current:0.####}; reaching {Strategy} would add majority rows, which an under-sampler cannot do. Use a ratio of at least {current:0.####}, or an over-sampler."),
                    "labels");
            }
        }

        return targets;
    }
}

/// <summary>The training rows of one class, in training order.</summary>
internal sealed class ClassRows<TLabel>(TLabel label)
{
    public TLabel Label { get; } = label;

    public List<int> Rows { get; } = [];
}

/// <summary>What <see cref="Sampler"/> hands its sampler-specific step.</summary>
internal sealed record SamplerInput<TLabel>(
    ImmutableArray<int> TrainIndices,
    List<ClassRows<TLabel>> Classes,
    int[] Targets,
    IReadOnlyList<double[]> Features,
    MersenneTwister Rng);
