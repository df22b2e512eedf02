namespace AiCoachBot.Host.Tests.Support;

/// <summary>The settings of an instance that shares a PostgreSQL database with others: the store and the pseudonym key they all need.</summary>
public static class SharedDatabase
{
    public static readonly string PseudonymKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static Dictionary<string, string?> Settings(string database, IReadOnlyDictionary<string, string?>? others = null) =>
        new(others ?? new Dictionary<string, string?>())
        {
            ["Storage:PostgresConnectionString"] = database,
            ["Retros:PseudonymKey"] = PseudonymKey,
        };
}
