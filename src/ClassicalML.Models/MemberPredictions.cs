using System.Globalization;
using ClassicalML.Evaluation;

namespace ClassicalML.Models;

/// <summary>
/// The output of every member of a <see cref="BaggingModel"/> on the same rows: probabilities, raw scores or votes
/// (0 or 1), as the model's <see cref="BaggingModel.Aggregation"/> reads them. For diversity measurements
/// (<see cref="ErrorCorrelations"/>) and for staged predictions (<see cref="Staged"/>) without refitting.
/// </summary>
public sealed class MemberPredictions
{
    private readonly double[][] values;

    internal MemberPredictions(double[][] values, int rowCount, BaggingAggregation aggregation, double threshold)
    {
        this.values = values;
        RowCount = rowCount;
        Aggregation = aggregation;
        Threshold = threshold;
    }

    /// <summary>The number of members M.</summary>
    public int MemberCount => values.Length;

    /// <summary>The number of rows scored.</summary>
    public int RowCount { get; }

    /// <summary>What each value is: a probability, a raw score or a vote (0 or 1).</summary>
    public BaggingAggregation Aggregation { get; }

    /// <summary>The threshold at which a member's (or the ensemble's) value predicts positive (value ≥ threshold): 0.5, 0 or 0.5 for votes.</summary>
    public double Threshold { get; }

    /// <summary>One member's values, in row order.</summary>
    /// <param name="member">The member's 0-based index, in fitting order.</param>
    /// <returns>The member's value of every row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="member"/> is outside 0 to M − 1.</exception>
    public ReadOnlySpan<double> Member(int member)
    {
        CheckMember(member, nameof(member));
        return values[member];
    }

    /// <summary>The ensemble of the first <paramref name="members"/> members: the mean of their values per row.</summary>
    /// <param name="members">How many members to average, 1 to M (M gives the model's own score).</param>
    /// <returns>s_m(i) = (1/m) Σ_{j&lt;m} v_j(i) for every row i.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="members"/> is outside 1 to M.</exception>
    public double[] Ensemble(int members) => Staged([members])[0];

    /// <summary>
    /// Staged predictions: the ensemble of the first m members for each m in <paramref name="sizes"/>, from one
    /// running sum over the members (O(M·n) in all), so an error-versus-size curve needs no refitting.
    /// </summary>
    /// <param name="sizes">Ensemble sizes, each 1 to M, in any order (repeats allowed).</param>
    /// <returns>One array of n scores per size, in the order of <paramref name="sizes"/>.</returns>
    /// <remarks>s_m(i) = (1/m) Σ_{j=0}^{m−1} v_j(i). Members are added in fitting order, and members were fitted on
    /// independent samples, so the first m members are a bagging ensemble of size m.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="sizes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside 1 to M.</exception>
    public IReadOnlyList<double[]> Staged(IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        for (var k = 0; k < sizes.Count; k++)
        {
            if (sizes[k] < 1 || sizes[k] > MemberCount)
            {
                throw new ArgumentOutOfRangeException(nameof(sizes), sizes[k], string.Create(CultureInfo.InvariantCulture,
                    $"sizes[{k}] is {sizes[k]}; an ensemble size must be between 1 and the {MemberCount} members. Drop sizes above {MemberCount} or fit more members."));
            }
        }

        var result = new double[sizes.Count][];
        var sum = new double[RowCount];
        var largest = sizes.Count == 0 ? 0 : sizes.Max();
        for (var m = 1; m <= largest; m++)
        {
            var member = values[m - 1];
            for (var i = 0; i < RowCount; i++)
            {
                sum[i] += member[i];
            }

            for (var k = 0; k < sizes.Count; k++)
            {
                if (sizes[k] == m)
                {
                    result[k] = Array.ConvertAll(sum, s => s / m);
                }
            }
        }

        return result;
    }

    /// <summary>Whether each member errs on each row: (v_j(i) ≥ threshold) ≠ label(i).</summary>
    /// <param name="labels">The true label of every row, true for positive.</param>
    /// <returns>errors[j][i] for member j and row i.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> has a different length than the rows scored.</exception>
    public bool[][] Errors(ReadOnlySpan<bool> labels)
    {
        CheckLabels(labels);
        var errors = new bool[MemberCount][];
        for (var j = 0; j < MemberCount; j++)
        {
            errors[j] = new bool[RowCount];
            for (var i = 0; i < RowCount; i++)
            {
                errors[j][i] = (values[j][i] >= Threshold) != labels[i];
            }
        }

        return errors;
    }

    /// <summary>
    /// The pairwise correlation of the members' errors: the Pearson (phi) correlation of the 0/1 error indicators
    /// of members j and k over the rows. 1 means the members err on exactly the same rows (an average gains nothing);
    /// lower values mean diverse errors that averaging can cancel.
    /// </summary>
    /// <param name="labels">The true label of every row.</param>
    /// <returns>An M × M symmetric matrix with 1 on the diagonal; NaN for a pair where a member's error indicator is
    /// constant (no error or always wrong), where the correlation is undefined.</returns>
    /// <remarks>With e_j the error indicator, ρ_jk = (mean(e_j e_k) − mean(e_j) mean(e_k)) / √(var(e_j) var(e_k)),
    /// population variances var(e) = mean(e)(1 − mean(e)).</remarks>
    /// <exception cref="ArgumentException"><paramref name="labels"/> has a different length than the rows scored.</exception>
    public double[,] ErrorCorrelations(ReadOnlySpan<bool> labels)
    {
        var errors = Errors(labels);
        var m = MemberCount;
        var rates = new double[m];
        for (var j = 0; j < m; j++)
        {
            rates[j] = errors[j].Count(e => e) / (double)RowCount;
        }

        var result = new double[m, m];
        for (var j = 0; j < m; j++)
        {
            for (var k = j; k < m; k++)
            {
                var both = 0;
                for (var i = 0; i < RowCount; i++)
                {
                    if (errors[j][i] && errors[k][i])
                    {
                        both++;
                    }
                }

                var denominator = Math.Sqrt(rates[j] * (1 - rates[j]) * rates[k] * (1 - rates[k]));
                var rho = denominator > 0 ? ((both / (double)RowCount) - (rates[j] * rates[k])) / denominator : double.NaN;
                result[j, k] = rho;
                result[k, j] = rho;
            }
        }

        return result;
    }

    /// <summary>The mean of the defined off-diagonal entries of <see cref="ErrorCorrelations"/> (NaN when there are none, e.g. one member).</summary>
    /// <param name="labels">The true label of every row.</param>
    /// <returns>The mean pairwise error correlation.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> has a different length than the rows scored.</exception>
    public double MeanErrorCorrelation(ReadOnlySpan<bool> labels)
    {
        var rho = ErrorCorrelations(labels);
        double sum = 0;
        var count = 0;
        for (var j = 0; j < MemberCount; j++)
        {
            for (var k = j + 1; k < MemberCount; k++)
            {
                if (!double.IsNaN(rho[j, k]))
                {
                    sum += rho[j, k];
                    count++;
                }
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private void CheckMember(int member, string argument)
    {
        Preconditions.CheckArgumentRange(member, 0, MemberCount - 1, argument, "Members are numbered from 0; pass an index in that range.");
    }

    private void CheckLabels(ReadOnlySpan<bool> labels)
    {
        if (labels.Length != RowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"labels has {labels.Length} values but {RowCount} rows were scored; pass the labels of the scored rows, in row order."), nameof(labels));
        }
    }
}
