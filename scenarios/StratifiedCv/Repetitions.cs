using ClassicalML.Scenarios;

namespace ClassicalML.Scenarios.StratifiedCv;

/// <summary>Runs independent repetitions on several threads. Each repetition owns its seed and its MLContext and
/// writes only its own slot, and every trainer runs on one thread, so the results do not depend on scheduling: the
/// same seed gives the same numbers with 1 thread or 8.</summary>
internal static class Repetitions
{
    /// <summary>Computes <paramref name="run"/>(0 .. count - 1) on up to <paramref name="threads"/> threads.</summary>
    /// <typeparam name="T">The result of one repetition.</typeparam>
    /// <param name="count">The number of repetitions.</param>
    /// <param name="threads">The most threads to use (at least 1).</param>
    /// <param name="progress">Where to report finished repetitions.</param>
    /// <param name="stage">The progress stage's name.</param>
    /// <param name="run">One repetition.</param>
    /// <returns>The results in repetition order.</returns>
    public static T[] Run<T>(int count, int threads, IProgressReporter progress, string stage, Func<int, T> run)
    {
        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"threads is {threads}; use at least 1 thread.");
        }

        var results = new T[count];
        int done = 0;
        var gate = new Lock();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, r =>
        {
            results[r] = run(r);
            lock (gate)
            {
                progress.Report(stage, ++done, count);
            }
        });
        return results;
    }
}
