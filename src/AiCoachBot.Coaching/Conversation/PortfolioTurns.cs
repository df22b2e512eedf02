using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Content;
using AiCoachBot.Coaching.Localization;
using AiCoachBot.Coaching.Portfolio;
using AiCoachBot.Coaching.Projects;

namespace AiCoachBot.Coaching.Conversation;

/// <summary>
/// <c>portfolio</c>: every project the asker may see at a glance (<see cref="PortfolioAccess"/>), with filters, the CSV
/// export, archiving a stale project (its owner only), and <c>portfolio managers @name</c> in a team's channel.
/// </summary>
public sealed class PortfolioTurns(CoachingContent content, PortfolioAccess access, PortfolioRows rows, ProjectStore projects, Replies replies, TimeProvider time)
{
    /// <summary>Marks an export offer's reference as the portfolio, built again for whoever accepts it.</summary>
    public const string ExportReference = "portfolio";

    private readonly PortfolioCard _card = new(content);
    private readonly PortfolioText _text = new(content);

    public async Task<TurnResult> ShowAsync(UserTurn turn, JsonObject? data, CancellationToken cancellationToken)
    {
        var filter = data is null ? PortfolioFilter.None : new PortfolioFilter(
            Known(CardValues.Text(data[PortfolioCard.PhaseField]), content.Phases.Phases.Select(p => p.Id)),
            Known(CardValues.Text(data[PortfolioCard.StatusField]), PortfolioFilter.Statuses));
        var (scope, visible) = await access.VisibleAsync(turn, cancellationToken);
        if (scope == PortfolioScope.NotHere) return Say(turn.Language, "portfolio.notHere");
        var built = await rows.BuildAsync(visible, cancellationToken);
        return TurnResult.Say(OutgoingMessage.OfCard(_card.Render(scope, built, visible.Count(p => p.ArchivedAt is not null), filter, turn.Language)));
    }

    public async Task<TurnResult> ExportAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var (scope, visible) = await access.VisibleAsync(turn, cancellationToken);
        var language = turn.Language;
        if (scope == PortfolioScope.NotHere) return Say(language, "portfolio.notHere");
        var csv = PortfolioCsv.Of(await rows.BuildAsync(visible, cancellationToken), _text, language);
        var document = new ExportDocument($"portfolio-{time.GetUtcNow():yyyy-MM-dd}.csv", _text.Get(language, "portfolio.export.description"),
            _text.Get(language, "portfolio.export.intro"), csv, new JsonObject { [ExportReference] = true });
        return TurnResult.Say(OutgoingMessage.OfDocument(document));
    }

    /// <summary>The CSV again, for whoever accepted the file: what they may see now.</summary>
    public async Task<ExportDocument?> DocumentAgainAsync(UserTurn turn, CancellationToken cancellationToken) =>
        (await ExportAsync(turn, cancellationToken)).Messages.FirstOrDefault()?.Document;

    /// <summary>A stale project archived from the portfolio card, by one of its owners only; it leaves the portfolio and its cards stop.</summary>
    public async Task<TurnResult> ArchiveAsync(UserTurn turn, JsonObject data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var (_, visible) = await access.VisibleAsync(turn, cancellationToken);
        if (visible.FirstOrDefault(p => p.Id == CardValues.Text(data[PortfolioCard.ProjectField])) is not { } project) return Say(language, "portfolio.archive.unknown");
        var name = new Dictionary<string, string> { ["project"] = MarkdownText.Literal(project.Name) };
        if (!project.IsOwner(turn.Ids)) return TurnResult.Say(replies.Text(language, "portfolio.archive.notOwner", name));
        var now = time.GetUtcNow();
        await projects.ChangeAsync(project.Ownership, project.Id, current => current.ArchivedAt is not null ? null : current.Archived(now, "archived"), cancellationToken);
        return TurnResult.Say(replies.Text(language, "portfolio.archive.done", name));
    }

    public async Task<TurnResult> NameManagersAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        if (turn.Scope.Kind != ConversationKind.Channel) return Say(language, "portfolio.managers.notChannel");
        if (await access.NameManagersAsync(turn, cancellationToken) is not { } named) return Say(language, "portfolio.managers.notOwner");
        return named.Count == 0
            ? Say(language, "portfolio.managers.cleared")
            : TurnResult.Say(replies.Text(language, "portfolio.managers.set", new Dictionary<string, string> { ["names"] = string.Join(", ", named.Select(m => MarkdownText.Literal(m.Name))) }));
    }

    private static string? Known(string? value, IEnumerable<string> allowed) => value is { Length: > 0 } && allowed.Contains(value) ? value : null;

    private TurnResult Say(Language language, string key) => TurnResult.Say(replies.Text(language, key));
}
