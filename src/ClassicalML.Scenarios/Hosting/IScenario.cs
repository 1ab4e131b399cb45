namespace ClassicalML.Scenarios;

/// <summary>What every scenario declares, whatever its settings type: id, title, question and claims (used by the
/// tests that check every scenario's question and quotes against the interview list and every claim's reachability).</summary>
public interface IScenario
{
    /// <summary>The stable kebab-case id.</summary>
    string Id { get; }

    /// <summary>A short title.</summary>
    string Title { get; }

    /// <summary>The interview question answered.</summary>
    Question Question { get; }

    /// <summary>The answer's claims, in report order.</summary>
    IReadOnlyList<Claim> Claims { get; }
}
