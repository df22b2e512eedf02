using AiCoachBot.AppPackage;

// dotnet run --project tools/AiCoachBot.AppPackage -- [--bot-id <guid>] [--domain <host>] [--teams-app-id <guid>] [--out <zip>]
// dotnet run --project tools/AiCoachBot.AppPackage -- icons        (draws manifest/color.png and manifest/outline.png again)
// The bot id and domain default to the environment: BOT_ID or MicrosoftAppId, and BOT_DOMAIN (the Agents Toolkit's names).
var root = FindRepositoryRoot();
var manifestFolder = Path.Combine(root, "manifest");
if (args is ["icons"])
{
    File.WriteAllBytes(Path.Combine(manifestFolder, "color.png"), IconDrawing.Color());
    File.WriteAllBytes(Path.Combine(manifestFolder, "outline.png"), IconDrawing.Outline());
    Console.WriteLine($"Drew {Path.Combine(manifestFolder, "color.png")} ({IconDrawing.ColorSize}x{IconDrawing.ColorSize}) and outline.png ({IconDrawing.OutlineSize}x{IconDrawing.OutlineSize}).");
    return 0;
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var botId = Option("--bot-id") ?? Environment.GetEnvironmentVariable("BOT_ID") ?? Environment.GetEnvironmentVariable("MicrosoftAppId");
var domain = Option("--domain") ?? Environment.GetEnvironmentVariable("BOT_DOMAIN");
var output = Option("--out") ?? Path.Combine(root, "build", "appPackage", "aicoachbot.zip");
if (string.IsNullOrWhiteSpace(botId) || string.IsNullOrWhiteSpace(domain))
{
    Console.Error.WriteLine("Give the bot's app id and the domain it runs on: --bot-id <guid> --domain <host> (or BOT_ID / MicrosoftAppId and BOT_DOMAIN in the environment).");
    return 2;
}
try
{
    var written = AppPackager.Package(manifestFolder, output, botId.Trim(), domain.Trim(), Option("--teams-app-id"));
    Console.WriteLine($"Wrote {written}. Check it with: node scripts/validate-manifest.mjs {written}");
    Console.WriteLine("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.");
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static string FindRepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        if (File.Exists(Path.Combine(folder.FullName, "AiCoachBot.sln"))) return folder.FullName;
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        if (File.Exists(Path.Combine(folder.FullName, "AiCoachBot.sln"))) return folder.FullName;
    throw new DirectoryNotFoundException("Run this from the AiCoachBot repository: AiCoachBot.sln was not found above the current folder.");
}
