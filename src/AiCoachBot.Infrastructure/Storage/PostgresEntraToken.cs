using Azure.Core;
using Azure.Identity;
using Npgsql;

namespace AiCoachBot.Infrastructure.Storage;

/// <summary>
/// Entra ID sign-in for Azure Database for PostgreSQL: the password of each new physical connection is an access token
/// for the service's identity. Azure.Identity caches the token and renews it before it expires, so asking every time
/// costs nothing and never hands out one about to lapse.
/// </summary>
internal static class PostgresEntraToken
{
    private const string Scope = "https://ossrdbms-aad.database.windows.net/.default";

    public static void Use(NpgsqlDataSourceBuilder builder, string? managedIdentityClientId)
    {
        TokenCredential credential = string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
        builder.UsePasswordProvider(
            _ => credential.GetToken(new TokenRequestContext([Scope]), CancellationToken.None).Token,
            async (_, cancellationToken) => (await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken)).Token);
    }
}
