using System.Globalization;
using System.Text.Json;
using ClassicalML.Evaluation;

namespace ClassicalML.Evaluation.Tests;

/// <summary>MulticlassEvaluation against scikit-learn 1.2.1 (tests/reference/make_multiclass_fixtures.py).</summary>
public sealed class MulticlassFixtureTests
{
    private const double Tolerance = 1e-12;

    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "reference", "multiclass", "multiclass_cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static TheoryData<string, int> CaseNames()
    {
        var data = new TheoryData<string, int>();
        foreach (var c in Cases.Value)
        {
            data.Add(c.GetProperty("name").GetString()!, 0);
            data.Add(c.GetProperty("name").GetString()!, 1);
        }

        return data;
    }

    [Fact]
    public void Fixtures_Loaded_HaveAllScenarios()
    {
        var names = Cases.Value.Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(6, names.Count);
        Assert.Contains("strings_never_predicted", names);
        Assert.Contains("ints_never_actual", names);
        Assert.Contains("ints_5_explicit_labels_one_absent", names);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Evaluate_SklearnCase_MatchesReference(string name, int zeroDivision)
    {
        var c = Cases.Value.Single(x => x.GetProperty("name").GetString() == name);
        if (c.GetProperty("label_type").GetString() == "string")
        {
            Check(c, zeroDivision, e => e.GetString()!);
        }
        else
        {
            Check(c, zeroDivision, e => e.GetInt32());
        }
    }

    private static void Check<TLabel>(JsonElement c, int zd, Func<JsonElement, TLabel> read)
        where TLabel : notnull
    {
        var actual = c.GetProperty("actual").EnumerateArray().Select(read).ToArray();
        var predicted = c.GetProperty("predicted").EnumerateArray().Select(read).ToArray();
        var labelsElement = c.GetProperty("labels");
        var labels = labelsElement.ValueKind == JsonValueKind.Null ? null : labelsElement.EnumerateArray().Select(read).ToList();
        var policy = zd == 0 ? ZeroDivision.Zero : ZeroDivision.One;

        var report = MulticlassEvaluation.Evaluate<TLabel>(actual, predicted, labels, policy);

        var expectedLabels = c.GetProperty("expected_labels").EnumerateArray().Select(read).ToList();
        Assert.Equal(expectedLabels, report.Labels);
        var expectedMatrix = c.GetProperty("confusion_matrix").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
        Assert.Equal(expectedMatrix, report.ConfusionMatrix.ToArray());
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), report.Accuracy, Tolerance);
        Assert.Equal(actual.Length, report.N);

        var e = c.GetProperty("zero_division").GetProperty(zd.ToString(CultureInfo.InvariantCulture));
        var precision = Doubles(e.GetProperty("precision"));
        var recall = Doubles(e.GetProperty("recall"));
        var f1 = Doubles(e.GetProperty("f1"));
        var support = e.GetProperty("support").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        for (var i = 0; i < expectedLabels.Count; i++)
        {
            Assert.Equal(precision[i], report.PerClass[i].Precision, Tolerance);
            Assert.Equal(recall[i], report.PerClass[i].Recall, Tolerance);
            Assert.Equal(f1[i], report.PerClass[i].F1, Tolerance);
            Assert.Equal(support[i], report.PerClass[i].Support);
        }

        AssertAveraged(e.GetProperty("macro"), report.Macro);
        AssertAveraged(e.GetProperty("micro"), report.Micro);
        AssertAveraged(e.GetProperty("weighted"), report.Weighted);

        AssertSameReport(e.GetProperty("report_digits_2").GetString()!, report.ToText(2), 2);
        AssertSameReport(e.GetProperty("report_digits_4").GetString()!, report.ToText(4), 4);
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static void AssertAveraged(JsonElement expected, AveragedMetrics actual)
    {
        Assert.Equal(expected.GetProperty("precision").GetDouble(), actual.Precision, Tolerance);
        Assert.Equal(expected.GetProperty("recall").GetDouble(), actual.Recall, Tolerance);
        Assert.Equal(expected.GetProperty("f1").GetDouble(), actual.F1, Tolerance);
    }

    /// <summary>
    /// Same layout (every line the same length, same words) and the same numbers; a printed number may
    /// differ by one unit in the last digit, since Python rounds exact ties to even and .NET away from zero.
    /// </summary>
    private static void AssertSameReport(string expected, string actual, int digits)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < expectedLines.Length; i++)
        {
            Assert.Equal(expectedLines[i].Length, actualLines[i].Length);
            var expectedTokens = expectedLines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var actualTokens = actualLines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(expectedTokens.Length, actualTokens.Length);
            for (var t = 0; t < expectedTokens.Length; t++)
            {
                if (expectedTokens[t].Contains('.', StringComparison.Ordinal)
                    && double.TryParse(expectedTokens[t], NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                {
                    var y = double.Parse(actualTokens[t], NumberStyles.Float, CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(x - y) <= Math.Pow(10, -digits) * 1.0001, $"line {i}: expected {expectedTokens[t]}, got {actualTokens[t]}");
                }
                else
                {
                    Assert.Equal(expectedTokens[t], actualTokens[t]);
                }
            }
        }
    }
}
