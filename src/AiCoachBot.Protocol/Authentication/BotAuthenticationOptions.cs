using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Protocol.Authentication;

/// <summary>Where signing keys and tokens come from. The defaults are the public cloud; tests point them at loopback.</summary>
public sealed class BotAuthenticationOptions
{
    public const string Section = "BotAuthentication";

    [Required, Url]
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    [Required]
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Entra authority host; the tenant's metadata is <c>{EntraAuthority}/{tenant}/v2.0/.well-known/openid-configuration</c>.</summary>
    [Required, Url]
    public string EntraAuthority { get; set; } = "https://login.microsoftonline.com";

    [Required]
    public string OutboundScope { get; set; } = "https://api.botframework.com/.default";

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Keys are re-read at least this often (the Bot Framework asks for at least daily).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Smallest gap between two refreshes forced by a token signed with an unknown key id.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MetadataMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Only tests serve metadata over plain http on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
