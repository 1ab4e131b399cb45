using System.Collections.Immutable;
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using MathNet.Numerics.Random;
using Microsoft.ML;

namespace ClassicalML.Models;

/// <summary>
/// Bagging (bootstrap aggregating, Breiman 1996) for any ML.NET binary trainer: fits M copies of the member
/// estimator, each on its own random sample of the training rows, and averages their outputs. Hand-written because
/// ML.NET's ensembling is internal.
/// </summary>
/// <remarks>
/// <para>Sampling: one <see cref="MersenneTwister"/> seeded with <see cref="BaggingOptions.Seed"/> draws the samples of
/// members 0, 1, …, M − 1 in turn. With replacement, member j's sample is k independent uniform draws from 0 to n − 1
/// (k = max(1, ⌊SampleFraction · n⌋)); without, k distinct rows (a partial Fisher–Yates shuffle). Each sample is sorted
/// ascending and selected with <see cref="DataViewSubset.Select"/> (repeats are repeated rows), so rows appear in
/// their original order.</para>
/// <para>Aggregation: s(i) = (1/M) Σ_j v_j(i), with v_j the member's probability, raw score or vote
/// (<see cref="BaggingAggregation"/>).</para>
/// <para>Out of bag: after fitting, every member scores all n training rows once (M·n predictions), from which
/// <see cref="BaggingModel.OutOfBag"/> is computed.</para>
/// <para>Reproducibility: the samples depend only on the seed and n. The members are reproducible when the member
/// trainer is: seed the <see cref="MLContext"/> and use one thread (<c>NumberOfThreads = 1</c>; LightGBM also
/// <c>Deterministic = true</c>). A member trainer with its own seed (FastForest, feature subsampling) gets the same
/// seed for every member unless the factory varies it by member index.</para>
/// </remarks>
public sealed class BaggingEstimator : IEstimator<BaggingModel>
{
    private readonly Func<int, IEstimator<ITransformer>> memberFactory;

    /// <summary>Creates a bagging estimator that fits the same member estimator on every sample.</summary>
    /// <param name="member">The member estimator, e.g. <c>mlContext.BinaryClassification.Trainers.FastTree(...)</c>.</param>
    /// <param name="options">Members, sample size, seed, aggregation; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="BaggingEstimator(Func{int, IEstimator{ITransformer}}, BaggingOptions?)"/>).</exception>
    /// <exception cref="ArgumentException"><see cref="BaggingOptions.LabelColumnName"/> is empty.</exception>
    public BaggingEstimator(IEstimator<ITransformer> member, BaggingOptions? options = null)
        : this(NotNull(member), options)
    {
    }

    /// <summary>Creates a bagging estimator that asks a factory for each member's estimator.</summary>
    /// <param name="memberFactory">Returns the estimator of member j (0-based), e.g. to give each member its own trainer seed.</param>
    /// <param name="options">Members, sample size, seed, aggregation; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="memberFactory"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BaggingOptions.NumberOfMembers"/> &lt; 1,
    /// <see cref="BaggingOptions.SampleFraction"/> outside (0, 1], or <see cref="BaggingOptions.Aggregation"/> not defined.</exception>
    /// <exception cref="ArgumentException"><see cref="BaggingOptions.LabelColumnName"/> is empty.</exception>
    public BaggingEstimator(Func<int, IEstimator<ITransformer>> memberFactory, BaggingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(memberFactory);
        options ??= new BaggingOptions();
        Preconditions.CheckAtLeast(options.NumberOfMembers, 1, nameof(options), "A bagging ensemble needs at least 1 member (the default is 10).", "options.NumberOfMembers");
        Preconditions.CheckShare(options.SampleFraction, nameof(options), "It is the share of the training rows each member draws; use 1 for a bootstrap sample of n rows.", "options.SampleFraction");
        Preconditions.CheckDefined(options.Aggregation, nameof(options), "options.Aggregation");
        Preconditions.CheckNotBlank(options.LabelColumnName, nameof(options), "The out-of-bag evaluation reads the Boolean label column; pass its name (default \"Label\").", "options.LabelColumnName");

        this.memberFactory = memberFactory;
        Options = options;
    }

    /// <summary>The options.</summary>
    public BaggingOptions Options { get; }

    /// <summary>Fits the members on their samples and computes the out-of-bag predictions.</summary>
    /// <param name="input">The training data: a Boolean label column and whatever the member estimator reads.</param>
    /// <returns>The fitted ensemble.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> has no rows, or its label column is missing or not Boolean.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null, or a member's output lacks the column the aggregation reads (e.g. no Probability from FastForest).</exception>
    public BaggingModel Fit(IDataView input)
    {
        var labels = MemberOutput.ReadTrainingLabels(input, Options.LabelColumnName);
        var n = labels.Length;
        var samples = DrawSamples(n, Options);
        var members = new ITransformer[samples.Length];
        var trainingOutputs = new double[samples.Length][];
        for (var j = 0; j < samples.Length; j++)
        {
            var estimator = memberFactory(j) ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The member factory returned null for member {j}; it must return an estimator for every index 0 to {samples.Length - 1}."));
            members[j] = estimator.Fit(input.Select(samples[j].AsSpan()));
            trainingOutputs[j] = MemberOutput.Read(members[j].Transform(input), Options.Aggregation, j);
        }

        return new BaggingModel(members, samples, labels, trainingOutputs, Options.Aggregation);
    }

    /// <summary>The schema the fitted model writes: the input's columns plus Score, Probability (with
    /// <see cref="BaggingAggregation.Probability"/> only) and PredictedLabel, taken from the member estimator's output schema.</summary>
    /// <param name="inputSchema">The schema of the data to fit or transform.</param>
    /// <returns>The output schema shape.</returns>
    /// <exception cref="ArgumentException">The member estimator's output lacks Score or PredictedLabel (or Probability with that aggregation).</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var member = memberFactory(0).GetOutputSchema(inputSchema);
        string[] names = Options.Aggregation == BaggingAggregation.Probability ? ["Score", "Probability", "PredictedLabel"] : ["Score", "PredictedLabel"];
        var columns = inputSchema.Where(c => c.Name is not ("Score" or "Probability" or "PredictedLabel")).ToList();
        foreach (var name in names)
        {
            var found = member.Where(c => c.Name == name).ToList();
            if (found.Count == 0)
            {
                throw new ArgumentException(
                    $"The member estimator's output has no '{name}' column, which bagging with aggregation {Options.Aggregation} needs. Use a binary classification trainer{(name == "Probability" ? ", or set BaggingOptions.Aggregation to Score or Vote for uncalibrated trainers" : string.Empty)}.",
                    nameof(inputSchema));
            }

            columns.Add(found[^1]);
        }

        return new SchemaShape(columns);
    }

    /// <summary>The sorted sample (row indices, repeats allowed) of every member, drawn from one Mersenne Twister.</summary>
    internal static ImmutableArray<int>[] DrawSamples(int rowCount, BaggingOptions options)
    {
        var random = new MersenneTwister(options.Seed);
        var size = Math.Max(1, (int)Math.Floor(options.SampleFraction * rowCount));
        var samples = new ImmutableArray<int>[options.NumberOfMembers];
        var order = new int[rowCount];
        for (var j = 0; j < samples.Length; j++)
        {
            var sample = new int[size];
            if (options.WithReplacement)
            {
                for (var k = 0; k < size; k++)
                {
                    sample[k] = random.Next(rowCount);
                }
            }
            else
            {
                // Partial Fisher–Yates: the first k positions of a shuffle of 0..n−1.
                for (var i = 0; i < rowCount; i++)
                {
                    order[i] = i;
                }

                for (var k = 0; k < size; k++)
                {
                    var swap = k + random.Next(rowCount - k);
                    (order[k], order[swap]) = (order[swap], order[k]);
                    sample[k] = order[k];
                }
            }

            Array.Sort(sample);
            samples[j] = [.. sample];
        }

        return samples;
    }

    private static Func<int, IEstimator<ITransformer>> NotNull(IEstimator<ITransformer> member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return _ => member;
    }
}
