namespace ClassicalML.Evaluation;

/// <summary>
/// Murphy's (1973) decomposition of the Brier score over the bins of a <see cref="ReliabilityCurve"/>, with the
/// two within-bin terms of Stephenson, Coelho and Jolliffe (2008) that make it exact for any forecasts.
/// </summary>
/// <param name="Brier">BS = Σ_i (p_i − y_i)² / n.</param>
/// <param name="Reliability">REL = Σ_b n_b (f̄_b − ō_b)² / n (lower is better).</param>
/// <param name="Resolution">RES = Σ_b n_b (ō_b − ō)² / n, ō the base rate (higher is better).</param>
/// <param name="Uncertainty">UNC = ō (1 − ō).</param>
/// <param name="WithinBinVariance">WBV = Σ_i (p_i − f̄_b(i))² / n; 0 when every forecast equals its bin's mean.</param>
/// <param name="WithinBinCovariance">WBC = 2 Σ_i (y_i − ō_b(i)) (p_i − f̄_b(i)) / n; 0 then too.</param>
/// <remarks>BS = REL − RES + UNC + WBV − WBC exactly (up to rounding); when the forecasts take the bin values
/// (one value per bin) WBV = WBC = 0 and BS = REL − RES + UNC, Murphy's three-term identity.</remarks>
public sealed record BrierDecomposition(
    double Brier,
    double Reliability,
    double Resolution,
    double Uncertainty,
    double WithinBinVariance,
    double WithinBinCovariance)
{
    /// <summary>REL − RES + UNC: the Brier score of the forecasts replaced by their bin means.</summary>
    public double ThreeTermBrier => Reliability - Resolution + Uncertainty;
}
