using System.ComponentModel.DataAnnotations;

namespace AiCoachBot.Host.Hosting;

/// <summary>Tenants:* settings: which Microsoft 365 organisations the bot serves.</summary>
public sealed class TenantOptions : IValidatableObject
{
    public const string Section = "Tenants";

    /// <summary>
    /// The Entra tenant ids (GUIDs) whose activities are handled. Empty: every tenant that reaches the bot. Anyone else gets a
    /// polite refusal and nothing of theirs is stored.
    /// </summary>
    public List<string> Allowed { get; set; } = [];

    /// <summary>Compared as GUIDs, so that any way of writing one (braces, capitals) names the same tenant.</summary>
    public bool Admits(string? tenantId) =>
        Allowed.Count == 0 || (Guid.TryParse(tenantId, out var asked) && Allowed.Any(t => Guid.TryParse(t, out var allowed) && allowed == asked));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Allowed.Where(t => !Guid.TryParse(t, out _))
            .Select(t => new ValidationResult($"Tenants:Allowed holds '{t}', which is not a tenant id: each entry must be an Entra tenant id (a GUID, as in the Azure portal's Tenant properties).", [nameof(Allowed)]));
}
