using ClassicalML.Scenarios;
using Microsoft.ML;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Fold composition of every splitter on every data set: what each validation fold holds.</summary>
/// <param name="Stats">Per (data set, folds, splitter): one summary per shuffle seed.</param>
/// <param name="First">Per (data set, folds, splitter): the fold counts of the first seed (for the figure).</param>
/// <param name="LabelKeyGrouped">Splits with the label as samplingKeyColumnName in which each class fell into a single fold.</param>
/// <param name="LabelKeySplits">Splits with the label as samplingKeyColumnName in all.</param>
internal sealed record CompositionResult(
    IReadOnlyDictionary<(string Data, int K, Splitter Splitter), CompositionStats[]> Stats,
    IReadOnlyDictionary<(string Data, int K, Splitter Splitter), FoldCount[]> First,
    int LabelKeyGrouped,
    int LabelKeySplits);

/// <summary>Counts the minority rows of every validation fold: cheap, so many shuffle seeds.</summary>
internal static class CompositionStep
{
    public static readonly int[] FoldCounts = [5, 10];

    public static CompositionResult Measure(IReadOnlyList<CaseData> cases, int[] seeds, int ourRepeats, int mlNetRepeats, MLContext ml, IProgressReporter progress)
    {
        var stats = new Dictionary<(string, int, Splitter), CompositionStats[]>();
        var first = new Dictionary<(string, int, Splitter), FoldCount[]>();
        int grouped = 0, keyed = 0, step = 0;
        foreach (var data in cases)
        {
            foreach (int k in FoldCounts)
            {
                foreach (var splitter in new[] { Splitter.Plain, Splitter.Stratified })
                {
                    var counts = Enumerable.Range(0, ourRepeats)
                        .Select(r => FoldComposition.Count(Experiment.Split(data.Labels, splitter, k, seeds[r]), data.Labels)).ToArray();
                    stats[(data.Name, k, splitter)] = [.. counts.Select(FoldComposition.Summarize)];
                    first[(data.Name, k, splitter)] = counts[0];
                }

                foreach (var splitter in new[] { Splitter.MlNet, Splitter.MlNetLabelKey })
                {
                    bool labelKey = splitter == Splitter.MlNetLabelKey;
                    var counts = Enumerable.Range(0, mlNetRepeats)
                        .Select(r => Experiment.MlNetCounts(Experiment.MlNetFolds(ml, data, k, seeds[r], labelKey))).ToArray();
                    stats[(data.Name, k, splitter)] = [.. counts.Select(FoldComposition.Summarize)];
                    first[(data.Name, k, splitter)] = counts[0];
                    if (labelKey)
                    {
                        keyed += counts.Length;
                        grouped += counts.Count(c => c.Count(f => f.Flagged > 0) == 1 && c.Count(f => f.Size > f.Flagged) == 1);
                    }
                }

                progress.Report("fold composition", ++step, cases.Count * FoldCounts.Length);
            }
        }

        return new CompositionResult(stats, first, grouped, keyed);
    }
}
