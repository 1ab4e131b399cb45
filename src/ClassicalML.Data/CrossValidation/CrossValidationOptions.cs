using ClassicalML.Data.Resampling;
using ClassicalML.Evaluation;

namespace ClassicalML.Data.Training;

/// <summary>Options of <see cref="CrossValidation"/>; every property has a documented default.</summary>
public sealed record CrossValidationOptions
{
    /// <summary>The Boolean label column of the data (default <c>Label</c>); true is the positive class.</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>
    /// The feature column read when <see cref="Sampler"/> is set (default <c>Features</c>): a known-size vector of Single.
    /// Not read otherwise.
    /// </summary>
    public string FeatureColumnName { get; init; } = "Features";

    /// <summary>The raw score column of the scored test fold (default <c>Score</c>), used when there is no probability column.</summary>
    public string ScoreColumnName { get; init; } = "Score";

    /// <summary>
    /// The probability column of the scored test fold (default <c>Probability</c>), preferred over the raw score when the
    /// model writes it; <see langword="null"/> to always evaluate the raw score.
    /// </summary>
    public string? ProbabilityColumnName { get; init; } = "Probability";

    /// <summary>
    /// Decision threshold (a row is predicted positive when its score is at least the threshold); <see langword="null"/>
    /// (default) for 0.5 on probabilities and 0 on raw scores, ML.NET's convention.
    /// </summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// A sampler applied to the training rows of every fold, never to the test rows; <see langword="null"/> (default)
    /// trains on the fold's rows as they are. The remarks of <see cref="CrossValidation"/> say what the estimator then sees.
    /// </summary>
    public Sampler? Sampler { get; init; }

    /// <summary>Example weights computed from each fold's training labels (default <see cref="ClassWeighting.None"/>).</summary>
    public ClassWeighting Weighting { get; init; } = ClassWeighting.None;

    /// <summary>
    /// Name of the Single weight column added to each training fold when <see cref="Weighting"/> is not
    /// <see cref="ClassWeighting.None"/> (default <c>Weight</c>). Give the trainer the same name as its
    /// <c>ExampleWeightColumnName</c>, or the weights are ignored.
    /// </summary>
    public string WeightColumnName { get; init; } = "Weight";

    /// <summary>
    /// Calibrates every fold's scores (default <see langword="null"/>: the model's own probability or raw score): the
    /// fold's calibrator is fitted on out-of-fold raw scores (<see cref="ScoreColumnName"/>) of that fold's training
    /// rows, from an inner stratified <see cref="CalibrationFolds"/>-fold cross-validation, and maps the test rows' raw
    /// scores to probabilities. The test rows never reach the calibrator (see <c>CrossValidation</c>'s remarks).
    /// </summary>
    public CalibrationMethod? Calibration { get; init; }

    /// <summary>
    /// The number of inner folds when <see cref="Calibration"/> is set (default 5, scikit-learn's
    /// <c>CalibratedClassifierCV</c> default; not shuffled, so no seed): each outer fold fits this many more models.
    /// </summary>
    public int CalibrationFolds { get; init; } = 5;
}
