using System.Text.Json.Nodes;
using AiCoachBot.Coaching.Commands;

namespace AiCoachBot.Coaching.Conversation;

public sealed partial class CoachingService
{
    /// <summary>The retro cards' buttons, to the turns that run a retro and those that end it; null for any other command.</summary>
    private Task<TurnResult>? RetroButton(string? command, UserTurn turn, JsonObject data, CancellationToken cancellationToken) => command switch
    {
        CommandIds.RetroOpen => _retros.OpenAsync(turn, data, cancellationToken),
        CommandIds.RetroAdd => _retros.AddAsync(turn, data, cancellationToken),
        CommandIds.RetroYours => _retros.YoursAsync(turn, data, cancellationToken),
        CommandIds.RetroVotes => _retros.VotesAsync(turn, data, cancellationToken),
        CommandIds.RetroEdit => _retros.EditItemAsync(turn, data, cancellationToken),
        CommandIds.RetroRemove => _retros.RemoveItemAsync(turn, data, cancellationToken),
        CommandIds.RetroView => _retros.ViewAsync(turn, data, cancellationToken),
        CommandIds.RetroCloseForm => _retroClosing.CloseFormAsync(turn, data, cancellationToken),
        CommandIds.RetroClose => _retroClosing.CloseAsync(turn, data, cancellationToken),
        CommandIds.RetroReopen => _retroClosing.ReopenAsync(turn, data, cancellationToken),
        CommandIds.RetroDelete => _retroClosing.DeleteAsync(turn, data, confirmed: false, cancellationToken),
        CommandIds.RetroDeleteConfirmed => _retroClosing.DeleteAsync(turn, data, confirmed: true, cancellationToken),
        CommandIds.RetroExport when data[Retros.RetroCardParts.RetroField] is not null => _retroClosing.ExportAsync(turn, data, cancellationToken),
        _ => null,
    };
}
