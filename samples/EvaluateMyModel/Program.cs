// Train an ML.NET model, then evaluate it with ClassicalML: report, ROC curve, bootstrap interval,
// stratified cross-validation. This file is the example in the top-level README.
using System.Globalization;
using ClassicalML.Data;
using ClassicalML.Data.Training;
using ClassicalML.Evaluation;
using Microsoft.ML;

var ml = new MLContext(seed: 0);
var data = Datasets.BreastCancer().ToDataView(ml);                  // positive class: malignant
var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, seed: 1);
var trainer = ml.Transforms.NormalizeMeanVariance("Features")
    .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
var scored = trainer.Fit(split.TrainSet).Transform(split.TestSet);

BinaryReport report = scored.EvaluateBinary();                      // exact, scikit-learn semantics
var p = scored.ReadBinaryPredictions();
RocCurve roc = Roc.Curve(p.Labels, p.Scores);                       // thresholds decreasing, first +inf
var auc = Bootstrap.Percentile(p.Labels, p.Scores, Roc.Auc, seed: 2, stratified: true);
var cv = ml.BinaryClassification.StratifiedCrossValidate(data, trainer, numberOfFolds: 5, seed: 3);

Console.WriteLine(report.Describe());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ROC: {roc.Thresholds.Count} points; AUC {auc.Estimate:0.0000} (95% CI {auc.Lower:0.0000}-{auc.Upper:0.0000})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"5-fold stratified CV F1: {cv.Summary(r => r.F1).Mean:0.0000}; pooled out-of-fold AUC {cv.Pooled.RocAuc:0.0000}"));
return report.RocAuc > 0.9 && auc.Lower <= auc.Estimate && auc.Estimate <= auc.Upper ? 0 : 1;
