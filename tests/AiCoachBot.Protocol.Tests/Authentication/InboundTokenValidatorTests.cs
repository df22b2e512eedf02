using AiCoachBot.Protocol.Authentication;
using AiCoachBot.Protocol.Schema;
using AiCoachBot.Protocol.Tests.Support;
using Microsoft.Extensions.Options;

namespace AiCoachBot.Protocol.Tests.Authentication;

public enum Issuer { BotFramework, EntraV1, EntraV2 }

/// <summary>
/// End to end against a loopback OpenID provider: real RSA keys, real JWKS documents, real HTTP.
/// Token lifetimes are judged on the manual clock, which is years away from the wall clock.
/// </summary>
public sealed class InboundTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";
    private const string TenantId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly ManualTimeProvider _clock = new();
    private readonly TrustedServiceUrls _trusted = new();
    private readonly TestSigningKey _botFrameworkKey = TestSigningKey.EndorsedForTeams("bf-key-1", KeyMaterial.First);
    private readonly TestSigningKey _entraKey = new("entra-key-1", KeyMaterial.Second);
    private OpenIdMetadataServer _idp = null!;

    public async Task InitializeAsync()
    {
        _idp = await OpenIdMetadataServer.StartAsync();
        _idp.PublishBotFrameworkKey(_botFrameworkKey);
        _idp.PublishEntraKey(_entraKey);
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV1)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_ValidToken_Authenticated(Issuer issuer)
    {
        var validator = Validator();

        var outcome = await validator.ValidateAsync(Bearer(Token(issuer)), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, outcome);
        Assert.True(outcome.Accepted, outcome.Reason);
    }

    [Fact]
    public async Task ValidateAsync_ValidBotFrameworkToken_TrustsTheActivityServiceUrl()
    {
        var validator = Validator();
        Assert.False(_trusted.IsTrusted(new Uri($"{ServiceUrl}v3/conversations/a/activities")));

        var outcome = await validator.ValidateAsync(Bearer(Token(Issuer.BotFramework)), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, outcome);
        Assert.True(_trusted.IsTrusted(new Uri($"{ServiceUrl}v3/conversations/a/activities")));
    }

    [Fact]
    public async Task ValidateAsync_MultiTenantBot_BotFrameworkTokenPassesAndEntraTokenIsRefused()
    {
        var validator = Validator(new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppType = "MultiTenant" });

        var botFramework = await validator.ValidateAsync(Bearer(Token(Issuer.BotFramework)), Inbound(), default);
        var entra = await validator.ValidateAsync(Bearer(Token(Issuer.EntraV2)), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, botFramework);
        AssertStatus(AuthenticationStatus.Rejected, entra);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a b")]
    [InlineData("not-even-a-scheme")]
    public async Task ValidateAsync_MissingOrMalformedHeader_Rejected(string? header)
    {
        var outcome = await Validator().ValidateAsync(header, Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
        Assert.Equal(0, _idp.KeySetFetches);
    }

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer abc", "abc")]
    [InlineData("BEARER  abc", "abc")]
    [InlineData("Bearer", null)]
    [InlineData("Bearer a b", null)]
    [InlineData("Basic abc", null)]
    [InlineData("   ", null)]
    public void BearerToken_ExactlySchemeAndToken_ReturnsToken(string header, string? expected) =>
        Assert.Equal(expected, InboundTokenValidator.BearerToken(header));

    [Fact]
    public async Task ValidateAsync_TokenThatIsNotAJwt_Rejected()
    {
        var outcome = await Validator().ValidateAsync("Bearer not.a.jwt", Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://sts.windows.net/11111111-2222-3333-4444-555555555555/")]
    [InlineData("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0")]
    public async Task ValidateAsync_WrongIssuer_Rejected(string issuer)
    {
        var token = Tokens.Sign(Spec(Issuer.BotFramework) with { Issuer = issuer }, _botFrameworkKey);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData(Issuer.BotFramework, "https://api.botframework.com")]
    [InlineData(Issuer.BotFramework, "00000000-0000-0000-0000-000000000000")]
    [InlineData(Issuer.EntraV2, "api://" + AppId)]
    public async Task ValidateAsync_WrongAudience_Rejected(Issuer issuer, string audience)
    {
        var token = Tokens.Sign(Spec(issuer) with { Audience = audience }, KeyFor(issuer));

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_ExpiredBeyondClockSkew_Rejected(Issuer issuer)
    {
        var now = _clock.GetUtcNow();
        var token = Tokens.Sign(Spec(issuer) with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-5).AddSeconds(-1) }, KeyFor(issuer));

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_ExpiredWithinClockSkew_Authenticated(Issuer issuer)
    {
        var now = _clock.GetUtcNow();
        var token = Tokens.Sign(Spec(issuer) with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-4) }, KeyFor(issuer));

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, outcome);
    }

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_NotYetValidBeyondClockSkew_Rejected(Issuer issuer)
    {
        var now = _clock.GetUtcNow();
        var token = Tokens.Sign(Spec(issuer) with { NotBefore = now.AddMinutes(10), Expires = now.AddHours(1) }, KeyFor(issuer));

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Fact]
    public async Task ValidateAsync_LifetimeIsJudgedOnTheInjectedClock()
    {
        var validator = Validator();
        var token = Token(Issuer.EntraV2);
        var before = await validator.ValidateAsync(Bearer(token), Inbound(), default);

        _clock.Advance(TimeSpan.FromHours(2));
        var after = await validator.ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, before);
        AssertStatus(AuthenticationStatus.Rejected, after);
    }

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_UnsignedAlgNoneToken_Rejected(Issuer issuer)
    {
        var token = Tokens.Unsigned(Spec(issuer));
        Assert.EndsWith(".", token);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Fact]
    public async Task ValidateAsync_SignedByUnpublishedKey_Rejected()
    {
        var stranger = TestSigningKey.EndorsedForTeams("stranger-key", KeyMaterial.Third);
        var token = Tokens.Sign(Spec(Issuer.BotFramework), stranger);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Fact]
    public async Task ValidateAsync_SignedByAnotherKeyUnderAPublishedKid_Rejected()
    {
        var impostor = TestSigningKey.EndorsedForTeams(_botFrameworkKey.Kid, KeyMaterial.Third);
        var token = Tokens.Sign(Spec(Issuer.BotFramework), impostor);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenSignedWithBotFrameworkKey_Rejected()
    {
        var token = Tokens.Sign(Spec(Issuer.EntraV2), _botFrameworkKey);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData("skype")]
    [InlineData("webchat", "directline")]
    [InlineData]
    public async Task ValidateAsync_KeyNotEndorsedForTeams_Rejected(params string[] endorsements)
    {
        var notForTeams = new TestSigningKey("not-for-teams", KeyMaterial.Third, endorsements);
        _idp.PublishBotFrameworkKey(notForTeams);
        var token = Tokens.Sign(Spec(Issuer.BotFramework), notForTeams);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Fact]
    public async Task ValidateAsync_KeyWithoutEndorsementList_Rejected()
    {
        var unlisted = new TestSigningKey("no-endorsements", KeyMaterial.Third, endorsements: null);
        _idp.PublishBotFrameworkKey(unlisted);
        var token = Tokens.Sign(Spec(Issuer.BotFramework), unlisted);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_ServiceUrlClaimMissing_Rejected(Issuer issuer)
    {
        var token = Tokens.Sign(Spec(issuer) with { ServiceUrl = null }, KeyFor(issuer));

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
    }

    [Theory]
    [InlineData("https://evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    public async Task ValidateAsync_ServiceUrlClaimNotMatchingActivity_RejectedAndNotTrusted(string claimed)
    {
        var token = Tokens.Sign(Spec(Issuer.BotFramework) with { ServiceUrl = claimed }, _botFrameworkKey);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Rejected, outcome);
        Assert.False(_trusted.IsTrusted(new Uri($"{ServiceUrl}v3/conversations")));
        Assert.False(_trusted.IsTrusted(new Uri($"{claimed.TrimEnd('/')}/v3/conversations")));
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlDiffersOnlyInCase_Authenticated()
    {
        var token = Tokens.Sign(Spec(Issuer.BotFramework) with { ServiceUrl = ServiceUrl.ToUpperInvariant() }, _botFrameworkKey);

        var outcome = await Validator().ValidateAsync(Bearer(token), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, outcome);
    }

    [Theory]
    [InlineData(Issuer.BotFramework)]
    [InlineData(Issuer.EntraV2)]
    public async Task ValidateAsync_KeyPublishedAfterFirstFetch_AcceptedAfterOneRefresh(Issuer issuer)
    {
        var validator = Validator();
        var first = await validator.ValidateAsync(Bearer(Token(issuer)), Inbound(), default);
        AssertStatus(AuthenticationStatus.Authenticated, first);
        Assert.Equal(1, _idp.KeySetFetches);

        var rotated = issuer == Issuer.BotFramework ? TestSigningKey.EndorsedForTeams("bf-key-2", KeyMaterial.Third) : new TestSigningKey("entra-key-2", KeyMaterial.Third);
        if (issuer == Issuer.BotFramework) _idp.PublishBotFrameworkKey(rotated); else _idp.PublishEntraKey(rotated);
        var outcome = await validator.ValidateAsync(Bearer(Tokens.Sign(Spec(issuer), rotated)), Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, outcome);
        Assert.Equal(2, _idp.KeySetFetches);
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidAgainAndAgain_RefetchesAtMostOncePerMinimumInterval()
    {
        var validator = Validator(configure: o => o.MetadataMinimumRefreshInterval = TimeSpan.FromSeconds(1));
        await validator.ValidateAsync(Bearer(Token(Issuer.EntraV2)), Inbound(), default);
        var stranger = Tokens.Sign(Spec(Issuer.EntraV2), new TestSigningKey("never-published", KeyMaterial.Third));

        for (var i = 0; i < 5; i++)
            AssertStatus(AuthenticationStatus.Rejected, await validator.ValidateAsync(Bearer(stranger), Inbound(), default));

        // The first unknown kid causes one more fetch (possibly finishing in the background); the rest within the second cause none.
        await Eventually.TrueAsync(() => _idp.KeySetFetches >= 2, "the refresh forced by the first unknown kid");
        Assert.Equal(2, _idp.KeySetFetches);
    }

    [Fact]
    public async Task ValidateAsync_KeyRotatedAgainWithinMinimumInterval_AcceptedOnceTheIntervalHasPassed()
    {
        // The minimum interval is measured on the injected clock, so the test decides when it has passed.
        var validator = Validator(configure: o => o.MetadataMinimumRefreshInterval = TimeSpan.FromSeconds(1));
        await validator.ValidateAsync(Bearer(Token(Issuer.EntraV2)), Inbound(), default);
        var second = new TestSigningKey("entra-key-2", KeyMaterial.Third);
        _idp.PublishEntraKey(second);
        var secondOutcome = await validator.ValidateAsync(Bearer(Tokens.Sign(Spec(Issuer.EntraV2), second)), Inbound(), default);
        var third = new TestSigningKey("entra-key-3", KeyMaterial.Fourth);
        _idp.PublishEntraKey(third);
        var thirdToken = Bearer(Tokens.Sign(Spec(Issuer.EntraV2), third));

        var thirdAtOnce = await validator.ValidateAsync(thirdToken, Inbound(), default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var thirdAfterTheInterval = await validator.ValidateAsync(thirdToken, Inbound(), default);

        AssertStatus(AuthenticationStatus.Authenticated, thirdAfterTheInterval);
        AssertStatus(AuthenticationStatus.Authenticated, secondOutcome);
        AssertStatus(AuthenticationStatus.Rejected, thirdAtOnce);
        Assert.Equal(3, _idp.KeySetFetches);
    }

    [Fact]
    public async Task ValidateAsync_MetadataEndpointAnswers500_MetadataUnavailable()
    {
        _idp.Failing = true;

        var outcome = await Validator().ValidateAsync(Bearer(Token(Issuer.BotFramework)), Inbound(), default);

        AssertStatus(AuthenticationStatus.MetadataUnavailable, outcome);
        Assert.False(outcome.Accepted);
    }

    [Fact]
    public async Task ValidateAsync_MetadataServerNotListening_MetadataUnavailable()
    {
        var deadUrl = $"http://127.0.0.1:{LoopbackServer.UnusedPort()}/v1/.well-known/openidconfiguration";
        var validator = Validator(configure: o => o.BotFrameworkOpenIdMetadataUrl = deadUrl);

        var outcome = await validator.ValidateAsync(Bearer(Token(Issuer.BotFramework)), Inbound(), default);

        AssertStatus(AuthenticationStatus.MetadataUnavailable, outcome);
        Assert.False(outcome.Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer whatever")]
    public async Task ValidateAsync_NoAppIdConfigured_AnonymousWithoutContactingTheMetadataServer(string? header)
    {
        var validator = Validator(new BotCredentialsOptions());

        var outcome = await validator.ValidateAsync(header, Inbound(), default);

        Assert.True(validator.IsLocalMode);
        AssertStatus(AuthenticationStatus.Anonymous, outcome);
        Assert.Equal(0, _idp.KeySetFetches);
    }

    /// <summary>Status check whose failure message carries the validator's reason.</summary>
    private static void AssertStatus(AuthenticationStatus expected, AuthenticationOutcome outcome) =>
        Assert.True(outcome.Status == expected, $"Expected {expected} but got {outcome.Status}: {outcome.Reason}");

    private InboundTokenValidator Validator(BotCredentialsOptions? credentials = null, Action<BotAuthenticationOptions>? configure = null)
    {
        credentials ??= new BotCredentialsOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppTenantId = TenantId,
        };
        var auth = new BotAuthenticationOptions
        {
            BotFrameworkOpenIdMetadataUrl = _idp.BotFrameworkMetadataUrl,
            EntraAuthority = _idp.EntraAuthority,
            RequireHttpsMetadata = false,
            MetadataMinimumRefreshInterval = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(auth);
        var metadata = new OpenIdMetadataSource(new SimpleHttpClientFactory(), Options.Create(auth), _clock);
        return new InboundTokenValidator(Options.Create(credentials), Options.Create(auth), metadata, _trusted, _clock);
    }

    private static Activity Inbound() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount { Id = "a:1" },
    };

    private TokenSpec Spec(Issuer issuer)
    {
        var now = _clock.GetUtcNow();
        var iss = issuer switch
        {
            Issuer.BotFramework => "https://api.botframework.com",
            Issuer.EntraV1 => $"https://sts.windows.net/{TenantId}/",
            _ => $"https://login.microsoftonline.com/{TenantId}/v2.0",
        };
        return new TokenSpec(iss, AppId, now.AddMinutes(-5), now.AddMinutes(55), ServiceUrl)
        {
            TenantId = issuer == Issuer.BotFramework ? null : TenantId,
        };
    }

    private TestSigningKey KeyFor(Issuer issuer) => issuer == Issuer.BotFramework ? _botFrameworkKey : _entraKey;

    private string Token(Issuer issuer) => Tokens.Sign(Spec(issuer), KeyFor(issuer));

    private static string Bearer(string token) => $"Bearer {token}";
}
