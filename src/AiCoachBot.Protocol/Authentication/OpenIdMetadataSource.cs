using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AiCoachBot.Protocol.Authentication;

public interface IOpenIdMetadataSource
{
    Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken);

    /// <summary>Fetches again now (a token named a key we do not know), at most once per minimum interval.</summary>
    /// <returns>True when a fresh document was read.</returns>
    Task<bool> RefreshAsync(string metadataUrl, CancellationToken cancellationToken);
}

/// <summary>
/// One cached metadata document (with its signing keys) per URL, re-read every refresh interval. If the
/// metadata cannot be read, the last keys read keep being used; with none ever read, GetAsync throws.
/// </summary>
public sealed class OpenIdMetadataSource(IHttpClientFactory httpClients, IOptions<BotAuthenticationOptions> options, TimeProvider? time = null)
    : IOpenIdMetadataSource
{
    public const string HttpClientName = "openid-metadata";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstLoadRetryDelay = TimeSpan.FromSeconds(5);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        return entry.Configuration is { } current && !IsDue(entry) ? Task.FromResult(current) : FetchAsync(metadataUrl, entry, forced: false, cancellationToken);
    }

    public async Task<bool> RefreshAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        var now = _time.GetUtcNow();
        lock (entry)
        {
            if (entry.LastForcedRefresh is { } last && now - last < options.Value.MetadataMinimumRefreshInterval) return false;
            entry.LastForcedRefresh = now;
        }
        var before = entry.Configuration;
        var after = await FetchAsync(metadataUrl, entry, forced: true, cancellationToken);
        return !ReferenceEquals(before, after);
    }

    private bool IsDue(Entry entry) => _time.GetUtcNow() >= entry.NextRefresh;

    private async Task<OpenIdConnectConfiguration> FetchAsync(string url, Entry entry, bool forced, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!forced && entry.Configuration is { } fetchedMeanwhile && !IsDue(entry)) return fetchedMeanwhile;
            // Never loaded and just failed: refuse at once for a moment rather than queue a fetch per request.
            if (entry.Configuration is null && entry.LastFailure is { } failed && _time.GetUtcNow() - failed < FirstLoadRetryDelay)
                throw new InvalidOperationException("OpenID metadata could not be read moments ago; not retrying yet.");
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = options.Value.RequireHttpsMetadata };
            try
            {
                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, cancellationToken);
                entry.Configuration = configuration;
                entry.NextRefresh = _time.GetUtcNow() + options.Value.MetadataRefreshInterval;
                return configuration;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && entry.Configuration is { } lastKnownGood)
            {
                entry.NextRefresh = _time.GetUtcNow() + RetryAfterFailure;
                return lastKnownGood;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                entry.LastFailure = _time.GetUtcNow();
                throw;
            }
        }
        finally { entry.Gate.Release(); }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile OpenIdConnectConfiguration? Configuration;
        public DateTimeOffset NextRefresh;
        public DateTimeOffset? LastForcedRefresh;
        public DateTimeOffset? LastFailure;
    }
}
