using ClassicalML.Evaluation;

namespace ClassicalML.Cli;

/// <summary>One model's curves for <c>eval --plot</c>, each from its owner in ClassicalML.Evaluation (<see cref="Roc"/>,
/// <see cref="PrecisionRecall"/>, <see cref="Calibration"/>, <see cref="ThresholdSelection"/>); the figures only draw them.</summary>
/// <param name="Name">The legend name, e.g. "score" (the score column).</param>
/// <param name="Roc">The ROC curve.</param>
/// <param name="RocAuc">Its area (NaN when undefined).</param>
/// <param name="PrecisionRecall">The precision-recall curve, or null (multiclass mode draws ROC only).</param>
/// <param name="AveragePrecision">Average precision (NaN when undefined or not drawn).</param>
/// <param name="Reliability">The reliability curve, or null when the scores are not probabilities.</param>
/// <param name="Point">The operating point of --operating-point, or null.</param>
internal sealed record PlotModel(string Name, RocCurve Roc, double RocAuc, PrecisionRecallCurve? PrecisionRecall, double AveragePrecision, ReliabilityCurve? Reliability, ThresholdChoice? Point);

/// <summary>What <c>eval --plot</c> wrote: the files (paths as given with the directory) and what it left out, with why.</summary>
/// <param name="Written">The PNG files written, in a fixed order.</param>
/// <param name="Notes">Figures or models left out and the reason (e.g. reliability.png for scores that are not probabilities).</param>
internal sealed record PlotFiles(IReadOnlyList<string> Written, IReadOnlyList<string> Notes);
