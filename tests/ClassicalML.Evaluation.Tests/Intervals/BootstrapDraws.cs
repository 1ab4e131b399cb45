namespace ClassicalML.Evaluation.Tests;

/// <summary>The documented draw rule of the bootstrap, written out independently of the library's loops.</summary>
internal static class BootstrapDraws
{
    /// <summary>The rows of resample r as the documented rule draws them (negatives' stratum first when stratified).</summary>
    internal static int[] Rows(bool[] labels, bool stratified, int seed, int r)
    {
        var random = ResampleRandom.ForResample(seed, r);
        int[][] strata = stratified
            ? [[.. Enumerable.Range(0, labels.Length).Where(i => !labels[i])], [.. Enumerable.Range(0, labels.Length).Where(i => labels[i])]]
            : [[.. Enumerable.Range(0, labels.Length)]];
        var rows = new List<int>();
        foreach (int[] stratum in strata)
        {
            for (int i = 0; i < stratum.Length; i++)
            {
                rows.Add(stratum[random.Next(stratum.Length)]);
            }
        }

        return [.. rows];
    }
}
