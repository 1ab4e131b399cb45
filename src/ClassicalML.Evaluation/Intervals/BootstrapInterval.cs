namespace ClassicalML.Evaluation;

/// <summary>A bootstrap confidence interval with the bookkeeping needed to judge it.</summary>
/// <param name="Interval">The interval; its Estimate is the metric on the full data, its UndefinedShare is UndefinedResamples / Resamples.</param>
/// <param name="Resamples">The number of resamples drawn.</param>
/// <param name="UndefinedResamples">
/// Resamples on which the metric was NaN (undefined, e.g. a resample with only one class). They are
/// skipped: the percentiles come from the other <see cref="DefinedResamples"/> values. Many skipped
/// resamples mean the interval describes data sets that look unlike the original; consider
/// <see cref="Stratified"/> resampling.
/// </param>
/// <param name="Seed">The seed the resamples were drawn from (see <see cref="Bootstrap"/>, Randomness).</param>
/// <param name="Stratified">Whether each stratum (class) was resampled separately, keeping its size.</param>
public sealed record BootstrapInterval(Interval Interval, int Resamples, int UndefinedResamples, int Seed, bool Stratified)
{
    /// <summary>Resamples on which the metric was defined: <see cref="Resamples"/> - <see cref="UndefinedResamples"/>.</summary>
    public int DefinedResamples => Resamples - UndefinedResamples;

    /// <summary>The metric on the full data (<see cref="Interval"/>.Estimate).</summary>
    public double Estimate => Interval.Estimate;

    /// <summary>The lower bound (<see cref="Interval"/>.Lower); NaN when no resample was defined.</summary>
    public double Lower => Interval.Lower;

    /// <summary>The upper bound (<see cref="Interval"/>.Upper); NaN when no resample was defined.</summary>
    public double Upper => Interval.Upper;
}
