using System.IO.Compression;
using System.Text.Json.Nodes;
using AiCoachBot.AppPackage;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Host.Tests.Support;

namespace AiCoachBot.Deployment.Tests;

/// <summary>The Teams app manifest: valid against Microsoft's schema, offline, and naming only the commands the bot really has.</summary>
public sealed class ManifestTests
{
    private static readonly CoachingContent Content = CoachingContent.Load(Repository.Path("src", "content"), []);
    private static readonly CommandRecognizer Commands = new(Content);
    private static readonly JsonObject Manifest = Read("manifest.json");
    private static readonly JsonObject French = Read("fr.json");

    /// <summary>The commands left out of every list (each holds at most 12): flow controls and rarer owner actions, all in the help card.</summary>
    private static readonly string[] NotListed = ["back", "restart", "nudges-pause", "nudges-resume", "retro-reopen", "retro-delete", "forget-me", "setup-editors", "portfolio-export", "portfolio-managers"];

    /// <summary>Commands that only make sense in a team channel, where the project's set-up lives.</summary>
    private static readonly string[] ChannelOnly = ["setup", "kpi-status", "nudges-now", "kpi-history", "setup-editors", "nudges-pause", "nudges-resume"];

    [Fact]
    public void TheManifestAndItsFrenchLocalisation_AreValid_AgainstTheNewestSchema()
    {
        var (exitCode, output) = Repository.ValidateManifest(Repository.Path("manifest"));

        Assert.True(exitCode == 0, output);
        Assert.Equal("valid (v1.29)", output.Trim());
        Assert.Equal("1.29", Manifest["manifestVersion"]!.GetValue<string>());
    }

    [Fact]
    public void TheValidator_RefusesABrokenManifest()
    {
        using var folder = new TempFolder();
        foreach (var name in AppPackager.Files) File.Copy(Repository.Path("manifest", name), Path.Combine(folder.Path, name));
        var broken = Read("manifest.json");
        broken["accentColor"] = "teal";
        broken["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Add(new JsonObject { ["title"] = "one too many", ["unknown"] = true });
        File.WriteAllText(Path.Combine(folder.Path, "manifest.json"), broken.ToJsonString());

        var (exitCode, output) = Repository.ValidateManifest(folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("/accentColor", output);
        Assert.Contains("additional properties", output);
    }

    [Fact]
    public void ThePackage_HoldsTheFourFiles_WithTheBotsIdAndDomain_AndIsValid()
    {
        using var folder = new TempFolder();
        var zip = AppPackager.Package(Repository.Path("manifest"), Path.Combine(folder.Path, "app.zip"), "11111111-2222-3333-4444-555555555555", "coach.example.org");

        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Equal(AppPackager.Files.Order(), archive.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            var packaged = JsonNode.Parse(reader.ReadToEnd())!;
            Assert.Equal("11111111-2222-3333-4444-555555555555", packaged["bots"]![0]!["botId"]!.GetValue<string>());
            Assert.Equal("11111111-2222-3333-4444-555555555555", packaged["id"]!.GetValue<string>());
            Assert.Equal(["coach.example.org"], packaged["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
            Assert.Equal("https://coach.example.org/privacy", packaged["developer"]!["privacyUrl"]!.GetValue<string>());
        }
        var (exitCode, output) = Repository.ValidateManifest(zip);
        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("not-a-guid", "coach.example.org", "GUID")]
    [InlineData("11111111-2222-3333-4444-555555555555", "https://coach.example.org/api", "host name")]
    public void Packaging_RefusesABadIdOrDomain_SayingWhy(string botId, string domain, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => AppPackager.Fill(File.ReadAllText(Repository.Path("manifest", "manifest.json")), botId, domain));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void EveryListedCommand_IsOneTheBotHas_DescribedAsTheHelpCardDoes_InBothLanguages()
    {
        var bot = Manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["personal", "team", "groupChat"], lists.Select(l => l!["scopes"]!.AsArray().Single()!.GetValue<string>()));
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 12);
            for (var c = 0; c < commands.Count; c++)
            {
                var title = commands[c]!["title"]!.GetValue<string>();
                var id = Commands.Recognize(title)?.CommandId;
                Assert.True(id is not null, $"'{title}' is not a command the bot recognises");
                Assert.Equal(Content.Strings.Get(Language.En, TextKeys.CommandDescription(id!)), commands[c]!["description"]!.GetValue<string>());
                var frenchTitle = French[$"bots[0].commandLists[{l}].commands[{c}].title"]!.GetValue<string>();
                Assert.Equal(id, Commands.Recognize(frenchTitle)?.CommandId);
                Assert.Equal(Content.Strings.Get(Language.Fr, TextKeys.CommandDescription(id!)), French[$"bots[0].commandLists[{l}].commands[{c}].description"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void EveryCommand_IsListedSomewhere_OrLeftOutOnPurpose_AndChannelCommandsOnlyInTeams()
    {
        var listed = Lists().SelectMany(l => l.Ids.Select(id => (l.Scope, Id: id))).ToList();

        var missing = Content.Commands.Commands.Select(c => c.Id).Except(listed.Select(l => l.Id)).Order();
        Assert.Equal(NotListed.Order(), missing);
        Assert.All(listed.Where(l => ChannelOnly.Contains(l.Id)), l => Assert.Equal("team", l.Scope));
        Assert.All(Lists(), l => Assert.Contains("help", l.Ids));
    }

    private static IEnumerable<(string Scope, IReadOnlyList<string> Ids)> Lists() =>
        Manifest["bots"]![0]!["commandLists"]!.AsArray().Select(l => (
            l!["scopes"]!.AsArray().Single()!.GetValue<string>(),
            (IReadOnlyList<string>)l["commands"]!.AsArray().Select(c => Commands.Recognize(c!["title"]!.GetValue<string>())!.CommandId!).ToList()));

    private static JsonObject Read(string name) => JsonNode.Parse(File.ReadAllText(Repository.Path("manifest", name)))!.AsObject();
}
