using Azure.Core;
using Azure.Identity;
using Npgsql;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// Entra ID sign-in for Azure Database for PostgreSQL: the password of each new connection is an access token for the
/// service's identity, fetched ahead of its expiry (tokens last about an hour) and retried soon after a failure.
/// </summary>
internal static class PostgresEntraToken
{
    private const string Scope = "https://ossrdbms-aad.database.windows.net/.default";

    public static void Use(NpgsqlDataSourceBuilder builder, string? managedIdentityClientId)
    {
        TokenCredential credential = string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
        builder.UsePeriodicPasswordProvider(
            async (_, cancellationToken) => (await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken)).Token,
            successRefreshInterval: TimeSpan.FromMinutes(45),
            failureRefreshInterval: TimeSpan.FromSeconds(10));
    }
}
