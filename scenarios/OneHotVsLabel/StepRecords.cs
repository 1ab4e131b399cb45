using ClassicalML.Data;
using ClassicalML.Data.Splits;
using ClassicalML.Evaluation;

namespace ClassicalML.Scenarios.OneHotVsLabel;

/// <summary>One synthetic draw: a nominal feature with <paramref name="Levels"/> levels and its folds.</summary>
/// <param name="Levels">Levels the generator could draw.</param>
/// <param name="LevelsSeen">Levels that occur in the rows.</param>
/// <param name="Data">The data set.</param>
/// <param name="Splits">Repeated stratified k-fold, one split per repeat.</param>
internal sealed record SyntheticSet(int Levels, int LevelsSeen, Dataset Data, IReadOnlyList<FoldSplit> Splits);

/// <summary>The data step: German credit and the synthetic sets, each with its folds.</summary>
/// <param name="German">German credit.</param>
/// <param name="GermanSplits">Its repeated stratified k-fold splits.</param>
/// <param name="Synthetic">The synthetic sets, cardinalities ascending.</param>
internal sealed record ScenarioData(Dataset German, IReadOnlyList<FoldSplit> GermanSplits, IReadOnlyList<SyntheticSet> Synthetic);

/// <summary>Cross-validated runs of some encodings × models on every data set.</summary>
/// <param name="German">German credit's runs.</param>
/// <param name="Synthetic">Each synthetic set's runs, in the order of <see cref="ScenarioData.Synthetic"/>.</param>
internal sealed record RunGrid(
    Dictionary<(CategoricalEncoding, ModelKind), EncodingRun> German,
    IReadOnlyList<Dictionary<(CategoricalEncoding, ModelKind), EncodingRun>> Synthetic)
{
    /// <summary>The runs of both grids (the baseline's and the method's).</summary>
    public RunGrid Merge(RunGrid other) => new(
        German.Concat(other.German).ToDictionary(p => p.Key, p => p.Value),
        [.. Synthetic.Zip(other.Synthetic, (a, b) => a.Concat(b).ToDictionary(p => p.Key, p => p.Value))]);
}

/// <summary>German credit with its first <paramref name="Columns"/> categorical columns: sizes and the logistic one-hot − label gap.</summary>
/// <param name="Columns">Categorical columns used (the others dropped).</param>
/// <param name="Levels">Their levels in total.</param>
/// <param name="OneHot">One-hot sizes.</param>
/// <param name="Label">Label-encoding sizes.</param>
/// <param name="LogisticOneHotMinusLabel">AUC(one-hot) − AUC(label), logistic regression, paired per fold.</param>
internal sealed record ColumnCase(int Columns, int Levels, EncodedSize OneHot, EncodedSize Label, Interval LogisticOneHotMinusLabel);

/// <summary>The memory step: encoded sizes, and the number of columns against the number of levels.</summary>
/// <param name="German">German credit's sizes per encoding.</param>
/// <param name="Synthetic">Each synthetic set's sizes per encoding.</param>
/// <param name="Columns">The column sweep on German credit.</param>
internal sealed record MemoryStudy(
    Dictionary<CategoricalEncoding, EncodedSize> German,
    IReadOnlyList<Dictionary<CategoricalEncoding, EncodedSize>> Synthetic,
    IReadOnlyList<ColumnCase> Columns);
