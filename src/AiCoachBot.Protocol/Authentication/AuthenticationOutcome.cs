using System.Security.Claims;

namespace AiCoachBot.Protocol.Authentication;

public enum AuthenticationStatus { Authenticated, Anonymous, Rejected, MetadataUnavailable }

/// <summary>The verdict on one request. <see cref="Reason"/> goes to the log, never to the caller.</summary>
public sealed record AuthenticationOutcome(AuthenticationStatus Status, string? Reason = null, ClaimsIdentity? Identity = null)
{
    public bool Accepted => Status is AuthenticationStatus.Authenticated or AuthenticationStatus.Anonymous;

    public static AuthenticationOutcome Reject(string reason) => new(AuthenticationStatus.Rejected, reason);
}
