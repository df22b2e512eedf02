using System.Text.RegularExpressions;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Projects;
using YamlDotNet.RepresentationModel;

namespace AiCoachBot.Coaching.Knowledge;

/// <summary>
/// Reads every <c>knowledge/articles/*.yaml</c> and checks it: the id is the file name, both languages
/// are present, sections are short enough to cite, phases exist and related articles exist.
/// </summary>
public static partial class KnowledgeBaseLoader
{
    public const int MaxSectionWords = 150;
    public const int MaxSummaryLength = 300;
    private static readonly string[] ArticleKeys = ["id", "title", "summary", "tags", "phases", "reviewed", "related", "sections"];
    private static readonly string[] SectionKeys = ["heading", "text"];

    public static KnowledgeBase? Load(string contentRoot, PhaseCatalog phases, ContentErrors errors)
    {
        var folder = Path.Combine(contentRoot, KnowledgeBase.Folder);
        if (!Directory.Exists(folder)) { errors.Add(KnowledgeBase.Folder, 0, "the folder is missing: the coach answers from the articles it holds"); return null; }
        var paths = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0) { errors.Add(KnowledgeBase.Folder, 0, "the folder holds no article (*.yaml)"); return null; }

        var articles = new List<(Article Article, YamlFile File, YamlMappingNode Node)>();
        foreach (var path in paths)
        {
            var display = $"{KnowledgeBase.Folder}/{Path.GetFileName(path)}";
            var file = new YamlFile(display, errors);
            if (file.Mapping(YamlFile.Load(path, display, errors), "an article") is not { } map) continue;
            if (Read(map, file, Path.GetFileNameWithoutExtension(path), phases) is { } article) articles.Add((article, file, map));
        }

        var ids = articles.Select(a => a.Article.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (article, file, node) in articles)
        {
            foreach (var related in article.Related.Where(r => !ids.Contains(r) || r == article.Id))
                file.Error(node, related == article.Id ? "'related' lists the article itself" : $"'related' names '{related}', which is not an article of {KnowledgeBase.Folder}");
        }
        if (errors.Any) return null;
        var version = KnowledgeBase.VersionOf(paths.Select(p => (Path.GetFileName(p), File.ReadAllBytes(p))));
        return new KnowledgeBase(articles.Select(a => a.Article).ToList(), version);
    }

    private static Article? Read(YamlMappingNode map, YamlFile file, string fileId, PhaseCatalog phases)
    {
        file.Keys(map, "an article", ArticleKeys);
        var id = file.String(map, "id", required: true);
        if (id is not null && id != fileId) file.Error(map, $"the id '{id}' must be the file name without '.yaml' ('{fileId}')");
        if (id is not null && !IdPattern().IsMatch(id)) file.Error(map, $"the id '{id}' must be lower-case words joined by '-'");
        var title = file.Text(map, "title", required: true);
        var summary = file.Text(map, "summary", required: true);
        if (summary is not null && Math.Max(summary.En.Length, summary.Fr.Length) > MaxSummaryLength)
            file.Error(map, $"'summary' must be one sentence of at most {MaxSummaryLength} characters in each language");
        var tags = Words(file, map, "tags", required: true);
        var articlePhases = Words(file, map, "phases", required: false);
        foreach (var phase in articlePhases.Where(p => phases.Find(p) is null))
            file.Error(map, $"phase '{phase}' is not one of: {string.Join(", ", phases.Phases.Select(p => p.Id))}");
        var reviewed = file.Date(map, "reviewed");
        if (reviewed is null && YamlFile.Child(map, "reviewed") is null) file.Error(map, "'reviewed: YYYY-MM-DD' is required: the date the article was last checked");
        var related = Words(file, map, "related", required: false);
        var sections = new List<ArticleSection>();
        foreach (var node in file.Sequence(map, "sections", required: true))
        {
            if (file.Mapping(node, "a section") is not { } section) continue;
            file.Keys(section, "a section", SectionKeys);
            var heading = file.Text(section, "heading", required: true);
            var text = file.Text(section, "text", required: true);
            if (text is not null && Math.Max(WordCount(text.En), WordCount(text.Fr)) > MaxSectionWords)
                file.Error(section, $"a section has at most {MaxSectionWords} words in each language, so that it can be shown and cited on its own: split it");
            if (heading is not null && text is not null) sections.Add(new ArticleSection(heading, text));
        }
        if (file.Sequence(map, "sections", required: false).Count == 0 && YamlFile.Child(map, "sections") is not null)
            file.Error(map, "'sections' must hold at least one section");
        if (id is null || title is null || summary is null || reviewed is null || sections.Count == 0) return null;
        return new Article(id, title, summary, tags, articlePhases, reviewed.Value, related, sections);
    }

    private static List<string> Words(YamlFile file, YamlMappingNode map, string key, bool required)
    {
        var result = new List<string>();
        foreach (var item in file.Sequence(map, key, required))
        {
            if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) result.Add(v.Trim());
            else file.Error(item, $"each entry of '{key}' must be a non-empty word");
        }
        return result;
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
