namespace ClassicalML.Data.Training;

/// <summary>How the cross-validation loop weights training examples.</summary>
public enum ClassWeighting
{
    /// <summary>No weight column is added.</summary>
    None = 0,

    /// <summary>
    /// Inverse class frequency, as scikit-learn's <c>class_weight='balanced'</c>: every training row of class c
    /// gets w_c = n / (2 · n_c), with n the training rows of the fold and n_c those of class c, so both classes
    /// carry the same total weight n / 2 and the weights average 1.
    /// </summary>
    Balanced = 1,
}
