namespace ClassicalML.Evaluation;

/// <summary>
/// What a metric whose denominator is zero evaluates to, following scikit-learn's
/// <c>zero_division</c> parameter. Whatever the policy, the report lists the metric as undefined.
/// </summary>
public enum ZeroDivision
{
    /// <summary>The undefined value is reported as 0 (scikit-learn's default, <c>zero_division="warn"</c>).</summary>
    Zero = 0,

    /// <summary>The undefined value is reported as 1 (<c>zero_division=1</c>).</summary>
    One = 1,

    /// <summary>The undefined value is reported as <see cref="double.NaN"/> (<c>zero_division=np.nan</c>).</summary>
    NaN = 2,
}
