namespace ClassicalML.Evaluation;

/// <summary>
/// Which multiclass ROC AUC <see cref="MulticlassScoreEvaluation.RocAuc{TLabel}(ReadOnlySpan{TLabel}, ScoreMatrix, IReadOnlyList{TLabel}, MulticlassRocAuc, ZeroDivision)"/> computes: scikit-learn's
/// <c>roc_auc_score(multi_class=..., average=...)</c>. Formulas on <see cref="MulticlassScoreReport{TLabel}"/>.
/// </summary>
public enum MulticlassRocAuc
{
    /// <summary>One-vs-rest, the unweighted mean over classes (<c>multi_class="ovr", average="macro"</c>).</summary>
    OneVsRestMacro = 0,

    /// <summary>One-vs-rest, weighted by each class's prevalence (<c>multi_class="ovr", average="weighted"</c>).</summary>
    OneVsRestWeighted = 1,

    /// <summary>One-vs-one (Hand &amp; Till), the unweighted mean over pairs of classes (<c>multi_class="ovo", average="macro"</c>).</summary>
    OneVsOneMacro = 2,

    /// <summary>One-vs-one, each pair weighted by its prevalence (<c>multi_class="ovo", average="weighted"</c>).</summary>
    OneVsOneWeighted = 3,
}
