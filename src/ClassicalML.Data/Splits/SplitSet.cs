namespace ClassicalML.Data.Splits;

/// <summary>The set a row is assigned to by a holdout (train/validation/test) split.</summary>
public enum SplitSet
{
    /// <summary>The row is used to fit models.</summary>
    Train = 0,

    /// <summary>The row is held out for model selection (tuning, early stopping).</summary>
    Validation = 1,

    /// <summary>The row is held out for the final estimate.</summary>
    Test = 2,
}
