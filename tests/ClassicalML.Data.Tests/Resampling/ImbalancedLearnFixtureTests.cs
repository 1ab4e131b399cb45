using System.Text.Json;
using ClassicalML.Data.Resampling;
using ClassicalML.Data.Tests.Splits;

namespace ClassicalML.Data.Tests.Resampling;

public class ImbalancedLearnFixtureTests
{
    private static Sampler Create(string name, SamplingStrategy strategy) => name switch
    {
        "RandomOverSampler" => new RandomOverSampler(0, strategy),
        "RandomUnderSampler" => new RandomUnderSampler(0, strategy),
        "SMOTE" => new Smote(0, 5, strategy),
        _ => throw new ArgumentException(name),
    };

    [Fact]
    public void Resample_EveryFixtureCase_ClassCountsOrRefusalMatchImbalancedLearn()
    {
        var fixture = Reference.Load("resampling.json");
        var labelSets = fixture.GetProperty("label_sets");
        var cases = fixture.GetProperty("cases");
        Assert.True(cases.GetArrayLength() >= 60);
        foreach (var c in cases.EnumerateArray())
        {
            var y = Reference.Ints(labelSets.GetProperty(c.GetProperty("labels").GetString()!));
            var x = ResamplingData.Features(y.Length, 3, 5);
            var s = c.GetProperty("strategy");
            var strategy = s.ValueKind == JsonValueKind.String ? SamplingStrategy.Auto : SamplingStrategy.Ratio(s.GetDouble());
            var sampler = Create(c.GetProperty("sampler").GetString()!, strategy);
            var what = $"{c.GetProperty("labels")} {c.GetProperty("sampler")} {strategy}";
            if (c.TryGetProperty("error", out var error))
            {
                var ex = Assert.Throws<ArgumentException>(() => sampler.Resample(ResamplingData.All(y.Length), [], y, x));
                var expectedGist = error.GetString()!.Contains("binary", StringComparison.Ordinal) ? "can be a float only when the target is binary"
                    : sampler.Kind == SamplingKind.OverSampling ? "would remove minority rows" : "would add majority rows";
                Assert.True(ex.Message.Contains(expectedGist, StringComparison.Ordinal), $"{what}: {ex.Message}");
                continue;
            }

            var result = sampler.Resample(ResamplingData.All(y.Length), [], y, x);
            foreach (var kv in c.GetProperty("counts").EnumerateObject())
            {
                Assert.True(kv.Value.GetInt32() == result.CountsAfter[int.Parse(kv.Name, System.Globalization.CultureInfo.InvariantCulture)], $"{what}: class {kv.Name}");
            }

            Assert.Equal(c.GetProperty("counts").EnumerateObject().Sum(kv => kv.Value.GetInt32()), result.Rows.Length);
        }
    }
}
