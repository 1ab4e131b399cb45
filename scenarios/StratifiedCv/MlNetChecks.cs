using ClassicalML.Scenarios;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>What ML.NET's BinaryClassification.CrossValidate itself does on the small data set.</summary>
/// <param name="Runs">One table row per (folds, sampling key): runs, successes, throws, first error.</param>
/// <param name="Threw">Runs that threw at the largest number of folds without a sampling key.</param>
/// <param name="RunCount">Runs per setting.</param>
/// <param name="LabelKeyFolds">The folds CrossValidationSplit makes with the label as sampling key (5 folds, first seed).</param>
internal sealed record MlNetCheckResult(ReportTable Runs, int Threw, int RunCount, FoldCount[] LabelKeyFolds);

/// <summary>Runs ML.NET's CrossValidate on the small data set with and without the label as samplingKeyColumnName.</summary>
internal static class MlNetChecks
{
    public static MlNetCheckResult Run(CaseData small, Learner learner, int[] seeds, int runs, IProgressReporter progress)
    {
        var table = new ReportTable("crossvalidate-runs",
            ["data set", "folds", "samplingKeyColumnName", "runs", "succeeded", "threw", "same folds as CrossValidationSplit", "first error"]);
        int threwAtMost = 0, step = 0;
        foreach (int k in CompositionStep.FoldCounts)
        {
            foreach (bool labelKey in new[] { false, true })
            {
                int ok = 0, threw = 0, same = 0;
                string firstError = "-";
                for (int r = 0; r < runs; r++)
                {
                    var context = new MLContext(seeds[r]);
                    try
                    {
                        var results = context.BinaryClassification.CrossValidate(small.View, learner.Pipeline(context), k, "Label", labelKey ? "Label" : null, seeds[r]);
                        ok++;
                        var viaSplit = Experiment.MlNetCounts(Experiment.MlNetFolds(context, small, k, seeds[r], labelKey));
                        var viaCv = results.OrderBy(x => x.Fold).Select(x => x.ScoredHoldOutSet.GetColumn<bool>("Label").ToArray())
                            .Select(l => new FoldCount(l.Length, l.Count(b => b))).ToArray();
                        same += viaSplit.SequenceEqual(viaCv) ? 1 : 0;
                    }
                    catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                    {
                        threw++;
                        firstError = firstError == "-" ? $"{e.GetType().Name}: {Experiment.FirstSentence(e.Message)}" : firstError;
                    }
                }

                table.AddRow(small.Name, k, labelKey ? "Label" : "(none)", runs, ok, threw, $"{same} of {ok}", firstError);
                threwAtMost = !labelKey && k == CompositionStep.FoldCounts[^1] ? threw : threwAtMost;
                progress.Report("ML.NET CrossValidate", ++step, 2 * CompositionStep.FoldCounts.Length);
            }
        }

        var keyFolds = Experiment.MlNetCounts(Experiment.MlNetFolds(new MLContext(seeds[0]), small, 5, seeds[0], labelAsKey: true));
        return new MlNetCheckResult(table, threwAtMost, runs, keyFolds);
    }
}
