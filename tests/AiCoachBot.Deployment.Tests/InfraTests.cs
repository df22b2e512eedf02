using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AiCoachBot.Deployment.Tests;

/// <summary>
/// The Azure templates set every setting the app needs in production, under the names it really reads, and nothing
/// else; no secret is written in them; the Toolkit project, the templates and the Dockerfile agree with the repository.
/// </summary>
public sealed partial class InfraTests
{
    /// <summary>What the app cannot run in Azure without: its identity, where it keeps data, the model, the pseudonym key.</summary>
    private static readonly string[] RequiredInProduction =
    [
        "MicrosoftAppId", "MicrosoftAppType", "MicrosoftAppTenantId", "Urls", "Storage__DataDirectory",
        "Coach__Model__Endpoint", "Coach__Model__Model", "Coach__Model__ManagedIdentityClientId", "Retros__PseudonymKey", "Tenants__Allowed__0",
    ];

    /// <summary>Settings App Service itself reads (its monitoring agent and its storage), not the app.</summary>
    private static readonly string[] ReadByThePlatform =
        ["APPLICATIONINSIGHTS_CONNECTION_STRING", "ApplicationInsightsAgent_EXTENSION_VERSION", "WEBSITES_ENABLE_APP_SERVICE_STORAGE"];

    [Fact]
    public void TheWebApp_SetsEverySettingTheAppNeedsInProduction_AndNoneItDoesNotRead()
    {
        var set = AppSettings();
        var readable = ReadableSettings();

        Assert.Empty(RequiredInProduction.Except(set));
        Assert.Empty(set.Except(readable).Except(ReadByThePlatform));
        Assert.Equal(set.Count, set.Distinct().Count());
    }

    [Fact]
    public void ScaleOut_PutsTheStateInPostgreSqlWithEntraSignIn_AndOnlyThenRunsSeveralInstances()
    {
        var main = File.ReadAllText(Repository.Path("infra", "main.bicep"));
        var postgres = File.ReadAllText(Repository.Path("infra", "modules", "postgres.bicep"));
        var webapp = File.ReadAllText(Repository.Path("infra", "modules", "webapp.bicep"));

        Assert.Equal(["Storage__PostgresConnectionString", "Storage__PostgresEntraAuthentication", "Storage__PostgresManagedIdentityClientId"], ScaleOutSettings());
        Assert.Contains("module postgres 'modules/postgres.bicep' = if (scaleOut)", main);
        Assert.Contains("instanceCount: scaleOut ? instanceCount : 1", main);
        Assert.Contains("capacity: empty(postgresHost) ? 1 : instanceCount", webapp);
        Assert.Matches(@"activeDirectoryAuth: 'Enabled'\s*\n\s*passwordAuth: 'Disabled'", postgres);
        Assert.Contains("Microsoft.DBforPostgreSQL/flexibleServers/administrators", postgres);
        Assert.DoesNotContain("administratorLoginPassword", postgres);
    }

    [Fact]
    public void EverySectionTheAppBinds_IsKnownToTheSettingsCheck()
    {
        var bound = Directory.EnumerateFiles(Repository.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Bound().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().Order();

        Assert.Equal(bound, OptionsTypes().Select(t => t.Type.Name).Where(n => n != "BotCredentialsOptions").Order());
    }

    [Fact]
    public void TheSecrets_ComeFromKeyVaultOrAManagedIdentity_NeverFromTheTemplates()
    {
        var webapp = File.ReadAllText(Repository.Path("infra", "modules", "webapp.bicep"));
        var parameters = JsonNode.Parse(File.ReadAllText(Repository.Path("infra", "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.Matches(@"name: 'Retros__PseudonymKey'\s*\n\s*value: '@Microsoft\.KeyVault\(SecretUri=", webapp);
        Assert.Matches(@"name: 'MicrosoftAppType'\s*\n\s*value: 'UserAssignedMSI'", webapp);
        Assert.DoesNotContain("MicrosoftAppPassword", webapp);
        Assert.DoesNotContain(parameters, p => SecretLike().IsMatch(p.Key));
        Assert.All(Directory.EnumerateFiles(Repository.Path("infra"), "*.bicep", SearchOption.AllDirectories), file =>
            Assert.DoesNotMatch(@"(?i)(password|secret|apikey)\s*[:=]\s*'[^'$]", File.ReadAllText(file)));
    }

    [Fact]
    public void TheTemplates_ProvisionWhatTheIssueAsks_AndOutputWhatTheManifestNeeds()
    {
        var all = string.Join("\n", Directory.EnumerateFiles(Repository.Path("infra"), "*.bicep", SearchOption.AllDirectories).Select(File.ReadAllText));
        var main = File.ReadAllText(Repository.Path("infra", "main.bicep"));

        foreach (var resource in new[] { "Microsoft.BotService/botServices", "MsTeamsChannel", "Microsoft.Web/sites", "Microsoft.ManagedIdentity/userAssignedIdentities",
                     "Microsoft.Storage/storageAccounts", "queueServices", "Microsoft.CognitiveServices/accounts", "deployments",
                     "Microsoft.Insights/components", "Microsoft.OperationalInsights/workspaces", "Microsoft.KeyVault/vaults" })
            Assert.Contains(resource, all);
        Assert.Contains("healthCheckPath: '/healthz'", all);
        Assert.Matches(@"output BOT_ID ", main);
        Assert.Matches(@"output BOT_DOMAIN ", main);
    }

    [Fact]
    public void TheToolkitProject_PointsAtFilesThatExist()
    {
        var yml = File.ReadAllText(Repository.Path("m365agents.yml"));

        foreach (var path in PathInYaml().Matches(yml).Select(m => m.Groups[1].Value).Distinct())
            Assert.True(File.Exists(Repository.Path(path.Split('/', StringSplitOptions.RemoveEmptyEntries))), $"m365agents.yml names ./{path}, which does not exist");
        Assert.Contains("manifest/manifest.json", yml);
        Assert.Contains("src/AiCoachBot.Host/AiCoachBot.Host.csproj", yml);
    }

    [Fact]
    public void TheDockerfile_BuildsInAStageOfItsOwn_RunsAsNonRoot_AndChecksHealth()
    {
        var lines = File.ReadAllLines(Repository.Path("Dockerfile")).Where(l => !l.TrimStart().StartsWith('#')).ToList();

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        var user = lines.FindLastIndex(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(user > lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal)), "USER comes in the runtime stage");
        Assert.DoesNotContain("root", lines[user]);
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/healthz", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)),
            l => Assert.All(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1], source => Assert.True(
                File.Exists(Repository.Path(source.TrimEnd('/'))) || Directory.Exists(Repository.Path(source.TrimEnd('/'))), $"the Dockerfile copies {source}, which does not exist")));
    }

    /// <summary>The settings the web app always gets, then those it gets with a PostgreSQL server (scale-out).</summary>
    private static List<string> AppSettings() => [.. Settings("appSettings: concat([", "\n      ]"), .. ScaleOutSettings()];

    private static List<string> ScaleOutSettings() => Settings("var postgresSettings", "\n]");

    private static List<string> Settings(string from, string to)
    {
        var webapp = File.ReadAllText(Repository.Path("infra", "modules", "webapp.bicep"));
        var start = webapp.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"webapp.bicep has no '{from}'");
        var block = webapp[start..];
        block = block[..(block.IndexOf(to, StringComparison.Ordinal) is var end and > 0 ? end : block.Length)];
        return SettingName().Matches(block).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>Every setting the app binds, as environment variable names (Section__Property), found from its options classes.</summary>
    private static HashSet<string> ReadableSettings()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "Urls", "ASPNETCORE_URLS", "AllowedHosts" };
        foreach (var (type, section) in OptionsTypes())
        {
            var prefix = section.Length == 0 ? "" : section.Replace(":", "__", StringComparison.Ordinal) + "__";
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                names.Add(prefix + property.Name);
                // A list is set item by item in the environment: Section__List__0.
                if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>)) names.Add(prefix + property.Name + "__0");
            }
        }
        return names;
    }

    private static IEnumerable<(Type Type, string Section)> OptionsTypes()
    {
        var assemblies = new[] { "AiCoachBot.Protocol", "AiCoachBot.Coaching", "AiCoachBot.Infrastructure", "AiCoachBot.Host" }.Select(Assembly.Load);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string section) yield return (type, section);
            else if (type.Name == "BotCredentialsOptions") yield return (type, "");
        }
    }

    [GeneratedRegex(@"name: '([^']+)'")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"BindConfiguration\((\w+)\.Section\)")]
    private static partial Regex Bound();

    [GeneratedRegex(@"(?i)password|secret|apikey|pseudonymkey")]
    private static partial Regex SecretLike();

    [GeneratedRegex(@"\./((?:infra|manifest|src)/[\w./-]+\.(?:bicep|json|csproj))")]
    private static partial Regex PathInYaml();
}
