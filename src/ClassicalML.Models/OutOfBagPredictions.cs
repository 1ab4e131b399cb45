using System.Collections.Immutable;
using ClassicalML.Evaluation;

namespace ClassicalML.Models;

/// <summary>
/// Out-of-bag predictions of a <see cref="BaggingModel"/> on its training rows: each row is scored only by the members
/// whose sample did not draw it, so the result estimates the ensemble's error on new data without a test set.
/// </summary>
/// <remarks>
/// <para>For row i with O_i the members whose sample excludes i: oob(i) = (1/|O_i|) Σ_{j∈O_i} v_j(i). With bootstrap
/// samples of n rows, a row is left out of a given sample with probability (1 − 1/n)ⁿ ≈ e⁻¹ ≈ 0.368, so each row is
/// out of bag for about 37% of the members.</para>
/// <para>A row drawn by every member has no out-of-bag prediction: its score is NaN, it is listed in
/// <see cref="RowsWithoutMembers"/> and left out of <see cref="Report"/> (which says how many rows it covers in
/// <see cref="BinaryReport.N"/>). With few members this is common (probability ≈ 0.632^M per row); it is reported, not hidden.</para>
/// <para>The out-of-bag score of a row averages fewer members (about 0.37·M) than the full ensemble, so it estimates the
/// error of a smaller ensemble: slightly pessimistic for small M.</para>
/// </remarks>
public sealed class OutOfBagPredictions
{
    internal OutOfBagPredictions(bool[] labels, double[] scores, int[] memberCounts, int members, double threshold, bool probabilities)
    {
        Labels = [.. labels];
        Scores = [.. scores];
        MemberCounts = [.. memberCounts];
        Members = members;
        Threshold = threshold;
        ScoresAreProbabilities = probabilities;
        RowsWithoutMembers = [.. Enumerable.Range(0, labels.Length).Where(i => memberCounts[i] == 0)];
        CoveredRows = [.. Enumerable.Range(0, labels.Length).Where(i => memberCounts[i] > 0)];
        if (CoveredRows.Length > 0)
        {
            var coveredLabels = CoveredRows.Select(i => labels[i]).ToArray();
            var coveredScores = CoveredRows.Select(i => scores[i]).ToArray();
            Report = BinaryEvaluation.Evaluate(coveredLabels, coveredScores, threshold);
        }
    }

    /// <summary>The labels of the training rows, in row order.</summary>
    public ImmutableArray<bool> Labels { get; }

    /// <summary>The out-of-bag score of every training row (same kind as the model's Score); NaN for rows without out-of-bag members.</summary>
    public ImmutableArray<double> Scores { get; }

    /// <summary>For every training row, the number of members whose sample did not draw it.</summary>
    public ImmutableArray<int> MemberCounts { get; }

    /// <summary>The number of members the predictions come from (the first <c>Members</c> of the model).</summary>
    public int Members { get; }

    /// <summary>The threshold of <see cref="Report"/>: a row is predicted positive when its score is at least this.</summary>
    public double Threshold { get; }

    /// <summary>Whether the scores are probabilities (then <see cref="BinaryReport.LogLoss"/> and Brier score are defined).</summary>
    public bool ScoresAreProbabilities { get; }

    /// <summary>Rows drawn by every member: no out-of-bag prediction, excluded from <see cref="Report"/>.</summary>
    public ImmutableArray<int> RowsWithoutMembers { get; }

    /// <summary>Rows with at least one out-of-bag member, ascending: the rows <see cref="Report"/> evaluates.</summary>
    public ImmutableArray<int> CoveredRows { get; }

    /// <summary>The evaluation of the covered rows with <see cref="BinaryEvaluation.Evaluate(ReadOnlySpan{bool}, ReadOnlySpan{double}, double, double, ZeroDivision)"/> at <see cref="Threshold"/>;
    /// <see langword="null"/> when no row has an out-of-bag member.</summary>
    public BinaryReport? Report { get; }
}
