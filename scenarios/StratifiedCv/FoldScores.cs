using ClassicalML.Scenarios;
using Microsoft.ML;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Fold scores of plain and stratified k-fold on the small data set: per (folds, splitter), one array of
/// fold scores per repetition.</summary>
/// <param name="Data">The data set's name.</param>
/// <param name="Scores">Per (folds, splitter): [repetition][fold].</param>
internal sealed record FoldScoreResult(string Data, IReadOnlyDictionary<(int K, Splitter Splitter), FoldScore[][]> Scores)
{
    public int Repeats => Scores.Values.First().Length;
}

/// <summary>Fits the learner on every fold of plain and stratified k-fold, for many reshuffles of the same small data set.</summary>
internal static class FoldScores
{
    public static readonly Splitter[] Compared = [Splitter.Plain, Splitter.Stratified];

    public static FoldScoreResult Measure(CaseData data, Learner learner, int[] seeds, int repeats, int threads, IProgressReporter progress)
    {
        var keys = CompositionStep.FoldCounts.SelectMany(k => Compared.Select(s => (K: k, Splitter: s))).ToArray();
        var perRepeat = Repetitions.Run(repeats, threads, progress, $"fold scores ({data.Name})", r =>
        {
            var ml = new MLContext(seeds[r]);
            return keys.Select(key => Experiment.Score(ml, learner, data, Experiment.Split(data.Labels, key.Splitter, key.K, seeds[r]))).ToArray();
        });
        return new FoldScoreResult(data.Name, Enumerable.Range(0, keys.Length).ToDictionary(i => keys[i], i => perRepeat.Select(r => r[i]).ToArray()));
    }
}
