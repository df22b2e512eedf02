using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Infrastructure.Llm;

/// <summary>
/// The language model that writes the coach's explanations (section <c>Coach:Model</c>). No endpoint means
/// no model: every answer comes from the knowledge base, offline.
/// </summary>
public sealed class ChatModelOptions : IValidatableObject
{
    public const string Section = "Coach:Model";

    /// <summary>Azure OpenAI v1 (<c>https://&lt;resource&gt;.openai.azure.com/openai/v1/</c>) or any OpenAI-compatible base URL.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model, or the deployment name on Azure OpenAI.</summary>
    public string? Model { get; set; }

    /// <summary>An API key; empty means Entra ID through Azure.Identity (managed identity in Azure, developer sign-in locally).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when Entra ID is used with one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(6);

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(9);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A throttle asking to wait longer than this is not waited for: the offline answer is given at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(4);

    [Range(0.05, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            yield return new ValidationResult($"{Section}:Endpoint must be an https URL such as https://<resource>.openai.azure.com/openai/v1/ (http only on loopback); leave it empty for offline answers.", [nameof(Endpoint)]);
        if (string.IsNullOrWhiteSpace(Model))
            yield return new ValidationResult($"{Section}:Model is required with {Section}:Endpoint: the model name, or the deployment name on Azure OpenAI.", [nameof(Model)]);
    }
}
