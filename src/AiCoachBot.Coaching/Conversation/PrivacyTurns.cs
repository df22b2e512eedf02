using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Privacy;
using static AiCoachBot.Coaching.Content.CardElements;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// Privacy self-service, in a personal chat only (what the bot holds about someone is shown to them alone):
/// <c>my data</c> shows it with an export as a JSON file; <c>forget me</c> erases it after a confirmation.
/// </summary>
public sealed class PrivacyTurns(CoachingContent content, PersonalDataFinder finder, PersonalDataEraser eraser, Replies replies, TimeProvider time)
{
    /// <summary>Marks an export offer's reference as the asker's own data, built again for whoever accepts it.</summary>
    public const string ExportReference = "myData";

    public async Task<TurnResult> MyDataAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (NotPersonal(turn, CommandIds.MyData) is { } refusal) return refusal;
        var language = turn.Language;
        var report = await finder.FindAsync(Person.Of(turn), cancellationToken);
        var title = Get(language, "privacy.mine.title");
        var body = new JsonArray { Text(title, size: "Large", weight: "Bolder") };
        if (report.IsEmpty) body.Add(Text(Get(language, "privacy.mine.empty")));
        else
        {
            var names = report.OwnedProjects.Count == 0 ? "" : " (" + string.Join(", ", report.OwnedProjects.Select(p => MarkdownText.Literal(p.Name))) + ")";
            body.Add(Line(language, "privacy.mine.records", ("count", report.OwnDocuments.Count)));
            body.Add(Line(language, "privacy.mine.questions", ("count", report.Questions.Count), ("feedback", report.Feedback.Count)));
            body.Add(Text(content.Strings.Format(language, "privacy.mine.projects", ("count", Number(report.OwnedProjects.Count)), ("names", names))));
            body.Add(Line(language, "privacy.mine.kpis", ("count", report.KpiValues.Count)));
            body.Add(Line(language, "privacy.mine.retros", ("count", report.NamedContributions.Count), ("facilitated", report.Facilitated.Count)));
            body.Add(Line(language, "privacy.mine.actions", ("count", report.Actions.Count)));
            body.Add(Line(language, "privacy.mine.lists", ("count", report.MemberLists)));
        }
        var actions = new JsonArray
        {
            Submit(Get(language, "privacy.mine.export"), CommandIds.MyDataExport),
            Submit(Get(language, "privacy.mine.forget"), CommandIds.ForgetMe),
        };
        return TurnResult.Say(OutgoingMessage.OfCard(Card(body, actions, title)));
    }

    public async Task<TurnResult> ExportAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (NotPersonal(turn, CommandIds.MyData) is { } refusal) return refusal;
        return TurnResult.Say(OutgoingMessage.OfDocument(await DocumentAsync(turn, cancellationToken)));
    }

    /// <summary>The export, built again for whoever accepted the file: always their own data, whatever the offer said.</summary>
    public async Task<ExportDocument?> DocumentAgainAsync(UserTurn turn, CancellationToken cancellationToken) =>
        turn.Scope.Kind == ConversationKind.Personal ? await DocumentAsync(turn, cancellationToken) : null;

    public TurnResult AskToForget(UserTurn turn)
    {
        if (NotPersonal(turn, CommandIds.ForgetMe) is { } refusal) return refusal;
        var language = turn.Language;
        var title = Get(language, "privacy.forget.title");
        var body = new JsonArray { Text(title, size: "Large", weight: "Bolder"), Text(Get(language, "privacy.forget.body")) };
        var actions = new JsonArray
        {
            Submit(Get(language, "privacy.forget.confirm"), CommandIds.ForgetMeConfirmed, "destructive"),
            Submit(Get(language, "privacy.forget.keep"), CommandIds.ForgetMeKept),
        };
        return TurnResult.Say(OutgoingMessage.OfCard(Card(body, actions, title)));
    }

    public async Task<TurnResult> ForgetAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (NotPersonal(turn, CommandIds.ForgetMe) is { } refusal) return refusal;
        var done = await eraser.EraseAsync(Person.Of(turn), cancellationToken);
        return TurnResult.Say(replies.Text(turn.Language, "privacy.forget.done", new Dictionary<string, string>
        {
            ["erased"] = Number(done.Erased), ["anonymised"] = Number(done.Anonymised), ["handed"] = Number(done.HandedOver), ["archived"] = Number(done.Archived),
        }));
    }

    public TurnResult Kept(UserTurn turn) => TurnResult.Say(replies.Text(turn.Language, "privacy.forget.kept"));

    private async Task<ExportDocument> DocumentAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = await finder.FindAsync(Person.Of(turn), cancellationToken);
        var json = report.ToJson(now).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var language = turn.Language;
        return new ExportDocument($"aicoachbot-my-data-{now:yyyy-MM-dd}.json", Get(language, "privacy.export.description"), Get(language, "privacy.export.intro"), json,
            new JsonObject { [ExportReference] = true });
    }

    private TurnResult? NotPersonal(UserTurn turn, string command) =>
        turn.Scope.Kind == ConversationKind.Personal
            ? null
            : TurnResult.Say(replies.Text(turn.Language, "privacy.mine.personalOnly", new Dictionary<string, string> { ["command"] = Get(turn.Language, TextKeys.CommandTitle(command)) }));

    private JsonObject Line(Language language, string key, params (string Name, int Value)[] counts) =>
        Text(content.Strings.Format(language, key, [.. counts.Select(c => (c.Name, Number(c.Value)))]));

    private string Get(Language language, string key) => content.Strings.Get(language, key);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
