namespace ClassicalML.Data.Training;

/// <summary>Example weights that balance the classes of a Boolean label, for trainers with an example-weight column.</summary>
public static class ClassWeights
{
    /// <summary>
    /// Inverse class frequency, as scikit-learn's <c>compute_sample_weight("balanced")</c> (<c>class_weight="balanced"</c>):
    /// every row of class c gets w_c = n / (2 · n_c), so both classes carry the same total weight n / 2 and the weights
    /// average 1. <see cref="CrossValidation"/> applies the same weights to each fold with <see cref="ClassWeighting.Balanced"/>.
    /// </summary>
    /// <param name="labels">The label of every training row (true = positive).</param>
    /// <returns>One weight per row. The formula is the two-class one even when <paramref name="labels"/> holds one class only (its rows then get 1/2).</returns>
    public static float[] Balanced(ReadOnlySpan<bool> labels)
    {
        var n = labels.Length;
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var negatives = n - positives;
        var wPositive = positives == 0 ? 0f : (float)(n / (2.0 * positives));
        var wNegative = negatives == 0 ? 0f : (float)(n / (2.0 * negatives));
        var weights = new float[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = labels[i] ? wPositive : wNegative;
        }

        return weights;
    }
}
