using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Evaluation;
using MathNet.Numerics.Random;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Models;

/// <summary>
/// Discrete AdaBoost for two classes in its multi-class form SAMME (Zhu, Zou, Rosset and Hastie 2009), as
/// scikit-learn's <c>AdaBoostClassifier(algorithm="SAMME")</c>, on any ML.NET binary trainer that reads an example-weight
/// column (FastTree, LightGbm, …). Each round fits the weak learner on the training rows weighted by how often the
/// previous members misclassified them. Hand-written because ML.NET has no AdaBoost.
/// </summary>
/// <remarks>
/// <para>Round m (K = 2 classes, learning rate ν, weights w normalised to sum 1, w_i = 1/n at the start):
/// fit h_m with example weights n·w_i (mean 1; passed as Single); err_m = Σ_i w_i [h_m(x_i) ≠ y_i];
/// α_m = ν · (log((1 − err_m)/err_m) + log(K − 1)) (the second term is 0 for two classes);
/// w_i ← w_i · exp(α_m [h_m(x_i) ≠ y_i]), renormalised. So after M rounds w_i ∝ exp(Σ_m α_m [h_m(x_i) ≠ y_i]).</para>
/// <para>Early stops, as scikit-learn 1.2: err_m = 0 keeps h_m with α_m = 1 and stops; err_m ≥ 1 − 1/K = 0.5
/// discards h_m and stops (and fails if it is the first member); a non-finite weight sum stops after h_m
/// (<see cref="AdaBoostStop"/>).</para>
/// <para>Prediction: Score(x) = Σ_m α_m h_m(x) / Σ_m α_m with h_m(x) ∈ {−1, +1} the member's PredictedLabel, in
/// [−1, 1]; PredictedLabel = Score &gt; 0 (a tie goes to the negative class, as scikit-learn's <c>classes_[0]</c>).
/// This is scikit-learn's <c>decision_function</c> for two classes.</para>
/// <para>Reproducibility: boosting is deterministic; the weak learner is when it is single-threaded and seeded
/// (<c>NumberOfThreads = 1</c>). The factory receives a per-member seed drawn from <see cref="AdaBoostOptions.Seed"/>.</para>
/// </remarks>
public sealed class AdaBoostEstimator : IEstimator<AdaBoostModel>
{
    /// <summary>The number of classes K of the SAMME formulas.</summary>
    internal const int Classes = 2;

    private readonly Func<string, int, IEstimator<ITransformer>> weakLearner;

    /// <summary>Creates an AdaBoost (SAMME) estimator.</summary>
    /// <param name="weakLearner">Returns the weak learner for a round given the example-weight column's name, e.g.
    /// <c>w => mlContext.BinaryClassification.Trainers.FastTree(new() { ExampleWeightColumnName = w, NumberOfTrees = 1, NumberOfLeaves = 2 })</c>.</param>
    /// <param name="options">Rounds, learning rate, seed, column names; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weakLearner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="AdaBoostEstimator(Func{string, int, IEstimator{ITransformer}}, AdaBoostOptions?)"/>).</exception>
    /// <exception cref="ArgumentException">A column name is empty, or the two names are equal.</exception>
    public AdaBoostEstimator(Func<string, IEstimator<ITransformer>> weakLearner, AdaBoostOptions? options = null)
        : this(IgnoreSeed(weakLearner), options)
    {
    }

    /// <summary>Creates an AdaBoost (SAMME) estimator whose weak-learner factory also receives a per-member trainer seed.</summary>
    /// <param name="weakLearner">Returns the weak learner for a round given the example-weight column's name and the member's seed.</param>
    /// <param name="options">Rounds, learning rate, seed, column names; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weakLearner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AdaBoostOptions.NumberOfMembers"/> &lt; 1, or
    /// <see cref="AdaBoostOptions.LearningRate"/> not a positive finite number.</exception>
    /// <exception cref="ArgumentException"><see cref="AdaBoostOptions.LabelColumnName"/> or
    /// <see cref="AdaBoostOptions.ExampleWeightColumnName"/> is empty, or they are the same.</exception>
    public AdaBoostEstimator(Func<string, int, IEstimator<ITransformer>> weakLearner, AdaBoostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weakLearner);
        options ??= new AdaBoostOptions();
        Preconditions.CheckAtLeast(options.NumberOfMembers, 1, nameof(options), "AdaBoost needs at least 1 round (the default is 50).", "options.NumberOfMembers");
        Preconditions.CheckPositive(options.LearningRate, nameof(options), "It scales every member's weight; use 1 (the default) or a smaller shrinkage such as 0.1.", "options.LearningRate");
        Preconditions.CheckNotBlank(options.LabelColumnName, nameof(options), "AdaBoost reads the Boolean label column to find the misclassified rows; pass its name (default \"Label\").", "options.LabelColumnName");
        Preconditions.CheckNotBlank(options.ExampleWeightColumnName, nameof(options), "The row weights are passed to the weak learner in that column; pass a name (default \"AdaBoostWeight\").", "options.ExampleWeightColumnName");
        Preconditions.CheckArgument(
            options.LabelColumnName != options.ExampleWeightColumnName,
            nameof(options),
            $"options.ExampleWeightColumnName is '{options.ExampleWeightColumnName}', the same as options.LabelColumnName; the weight column would hide the label. Choose another name (default \"AdaBoostWeight\").");

        this.weakLearner = weakLearner;
        Options = options;
    }

    /// <summary>The options.</summary>
    public AdaBoostOptions Options { get; }

    /// <summary>Boosts the weak learner on <paramref name="input"/>.</summary>
    /// <param name="input">The training data: a Boolean label column and whatever the weak learner reads.</param>
    /// <returns>The fitted ensemble, with its member weights, errors and final row weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> has no rows, or its label column is missing or not Boolean.</exception>
    /// <exception cref="InvalidOperationException">The factory returned null, a member wrote no PredictedLabel, or the
    /// first member is no better than chance (weighted error ≥ 0.5), so no ensemble can be fitted.</exception>
    public AdaBoostModel Fit(IDataView input)
    {
        var labels = MemberOutput.ReadTrainingLabels(input, Options.LabelColumnName);
        var n = labels.Length;
        var weights = Enumerable.Repeat(1.0 / n, n).ToArray();
        var seeds = new MersenneTwister(Options.Seed);
        var members = new List<ITransformer>();
        var alphas = new List<double>();
        var errors = new List<double>();
        var stop = AdaBoostStop.AllRounds;
        for (var m = 0; m < Options.NumberOfMembers && stop == AdaBoostStop.AllRounds; m++)
        {
            var estimator = weakLearner(Options.ExampleWeightColumnName, seeds.Next()) ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The weak-learner factory returned null for round {m}; it must return an estimator for every round."));
            var member = estimator.Fit(WithWeights(input, weights));
            var incorrect = Incorrect(MemberOutput.Read(member.Transform(input), BaggingAggregation.Vote, m), labels);
            var error = WeightedError(weights, incorrect);
            if (error >= 1.0 - (1.0 / Classes))
            {
                stop = members.Count > 0 ? AdaBoostStop.NoBetterThanChance : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The first member's weighted training error is {error}, no better than chance (≥ 0.5), so AdaBoost cannot fit an ensemble. Use a weak learner that reads the example-weight column and fits the data better than chance."));
                break;
            }

            members.Add(member);
            errors.Add(error);
            if (error <= 0)
            {
                alphas.Add(1.0);
                stop = AdaBoostStop.PerfectMember;
                break;
            }

            var alpha = MemberWeight(error, Options.LearningRate);
            alphas.Add(alpha);
            var updated = Reweight(weights, incorrect, alpha);
            if (updated is null)
            {
                stop = AdaBoostStop.WeightsNotFinite;
                break;
            }

            weights = updated;
        }

        return new AdaBoostModel([.. members], [.. alphas], [.. errors], weights, stop);
    }

    /// <summary>The schema the fitted model writes: the input's columns plus Score (Single) and PredictedLabel (Boolean).</summary>
    /// <param name="inputSchema">The schema of the data to fit or transform.</param>
    /// <returns>The output schema shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The weak learner's output lacks Score or PredictedLabel.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        // SchemaShape.Column has no public constructor: the Single weight column's shape comes from ML.NET's own type conversion of the label.
        var weighted = new MLContext(Options.Seed).Transforms.Conversion.ConvertType(Options.ExampleWeightColumnName, Options.LabelColumnName, DataKind.Single).GetOutputSchema(inputSchema);
        var member = weakLearner(Options.ExampleWeightColumnName, Options.Seed).GetOutputSchema(weighted);
        var columns = inputSchema.Where(c => c.Name is not ("Score" or "Probability" or "PredictedLabel")).ToList();
        foreach (var name in new[] { "Score", "PredictedLabel" })
        {
            var found = member.Where(c => c.Name == name).ToList();
            if (found.Count == 0)
            {
                throw new ArgumentException($"The weak learner's output has no '{name}' column, which AdaBoost needs. Use a binary classification trainer.", nameof(inputSchema));
            }

            columns.Add(found[^1]);
        }

        return new SchemaShape(columns);
    }

    /// <summary>α = ν · (log((1 − err)/err) + log(K − 1)), SAMME's member weight for a weighted error 0 &lt; err &lt; 1 − 1/K.</summary>
    internal static double MemberWeight(double error, double learningRate) =>
        learningRate * (Math.Log((1.0 - error) / error) + Math.Log(Classes - 1.0));

    /// <summary>err = Σ w_i [incorrect_i] / Σ w_i.</summary>
    internal static double WeightedError(double[] weights, bool[] incorrect)
    {
        double wrong = 0, total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            wrong += incorrect[i] ? weights[i] : 0.0;
        }

        return wrong / total;
    }

    /// <summary>w_i · exp(α [incorrect_i]), renormalised to sum 1; null when the sum is not finite (overflow).</summary>
    internal static double[]? Reweight(double[] weights, bool[] incorrect, double alpha)
    {
        var factor = Math.Exp(alpha);
        var updated = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            updated[i] = incorrect[i] ? weights[i] * factor : weights[i];
            sum += updated[i];
        }

        if (!double.IsFinite(sum) || sum <= 0)
        {
            return null;
        }

        for (var i = 0; i < updated.Length; i++)
        {
            updated[i] /= sum;
        }

        return updated;
    }

    private static bool[] Incorrect(double[] votes, bool[] labels)
    {
        var incorrect = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            incorrect[i] = (votes[i] > 0.5) != labels[i];
        }

        return incorrect;
    }

    /// <summary>The input with the weights n·w_i appended as a Single column (mean 1, so trainers' per-leaf minimums keep their meaning in rows).</summary>
    private IDataView WithWeights(IDataView input, double[] weights)
    {
        var n = weights.Length;
        var column = Array.ConvertAll(weights, w => (float)(w * n));
        return new DataViewBuilder().AddSingle(Options.ExampleWeightColumnName, column).AppendTo(input);
    }

    private static Func<string, int, IEstimator<ITransformer>> IgnoreSeed(Func<string, IEstimator<ITransformer>> weakLearner)
    {
        ArgumentNullException.ThrowIfNull(weakLearner);
        return (column, _) => weakLearner(column);
    }
}
