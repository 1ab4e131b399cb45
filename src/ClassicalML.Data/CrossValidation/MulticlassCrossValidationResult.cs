using System.Collections.Immutable;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Training;

/// <summary>One fold of a multiclass cross-validation run: its test rows and their report.</summary>
public sealed class MulticlassCrossValidationFold
{
    internal MulticlassCrossValidationFold(int index, int trainingRowCount, ImmutableArray<int> testIndices, MulticlassScoreReport<string> report, TimeSpan trainingTime)
    {
        Index = index;
        TrainingRowCount = trainingRowCount;
        TestIndices = testIndices;
        Report = report;
        TrainingTime = trainingTime;
    }

    /// <summary>Zero-based fold number.</summary>
    public int Index { get; }

    /// <summary>Rows the estimator was fitted on.</summary>
    public int TrainingRowCount { get; }

    /// <summary>The fold's test rows (indices into the data), ascending.</summary>
    public ImmutableArray<int> TestIndices { get; }

    /// <summary>The evaluation of the fold's test rows, in the class order of the fold's model.</summary>
    public MulticlassScoreReport<string> Report { get; }

    /// <summary>Wall-clock time of <c>estimator.Fit</c> on this fold; not reproducible.</summary>
    public TimeSpan TrainingTime { get; }
}

/// <summary>
/// The result of <see cref="MulticlassCrossValidation"/>: per-fold reports, the out-of-fold labels and score matrix
/// (every row scored by the model that did not see it, in data order) and their pooled report.
/// </summary>
public sealed class MulticlassCrossValidationResult
{
    internal MulticlassCrossValidationResult(
        ImmutableArray<MulticlassCrossValidationFold> folds,
        ImmutableArray<string> classes,
        ImmutableArray<string> actual,
        ScoreMatrix outOfFoldScores,
        MulticlassScoreReport<string> pooled,
        ImmutableArray<string> warnings)
    {
        Folds = folds;
        Classes = classes;
        Actual = actual;
        OutOfFoldScores = outOfFoldScores;
        Pooled = pooled;
        Warnings = warnings;
    }

    /// <summary>The folds, in split order.</summary>
    public ImmutableArray<MulticlassCrossValidationFold> Folds { get; }

    /// <summary>The class of each column of <see cref="OutOfFoldScores"/>: the slot names of fold 0's model, in its order.</summary>
    public ImmutableArray<string> Classes { get; }

    /// <summary>The actual label of each row of the data, as text (the label's key values).</summary>
    public ImmutableArray<string> Actual { get; }

    /// <summary>
    /// The out-of-fold scores, one row per data row in data order and one column per class of <see cref="Classes"/>:
    /// <c>MulticlassScoreEvaluation.Evaluate(Actual, OutOfFoldScores, Classes)</c> is <see cref="Pooled"/>.
    /// </summary>
    public ScoreMatrix OutOfFoldScores { get; }

    /// <summary>The report of the out-of-fold scores of every row.</summary>
    public MulticlassScoreReport<string> Pooled { get; }

    /// <summary>The split's warnings (e.g. a class with fewer rows than folds).</summary>
    public ImmutableArray<string> Warnings { get; }
}
