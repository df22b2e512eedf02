using AiCoachBot.Protocol.Connector;
using AiCoachBot.Protocol.Schema;

namespace AiCoachBot.Protocol.Hosting;

/// <summary>
/// Shows "typing…" only when a turn is slow: after <c>delay</c> without a reply, then every
/// <c>interval</c> (clients show it for about 3 s). A fast turn sends nothing extra.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _inert;
    private Task _loop = Task.CompletedTask;

    private TypingIndicator(bool inert = false) => _inert = inert;

    /// <summary>For turns that never show typing; shared, so stopping or disposing it does nothing.</summary>
    public static TypingIndicator None { get; } = new(inert: true);

    public static TypingIndicator Start(IConnectorClient connector, Activity inbound, TimeProvider time, TimeSpan delay, TimeSpan interval)
    {
        var indicator = new TypingIndicator();
        indicator._loop = indicator.RunAsync(connector, inbound, time, delay, interval);
        return indicator;
    }

    public void Stop()
    {
        if (!_inert && !_stop.IsCancellationRequested) _stop.Cancel();
    }

    private async Task RunAsync(IConnectorClient connector, Activity inbound, TimeProvider time, TimeSpan delay, TimeSpan interval)
    {
        var typing = Activity.Typing() with
        {
            ChannelId = inbound.ChannelId,
            Conversation = new ConversationAccount { Id = inbound.Conversation!.Id },
            From = inbound.Recipient,
            Recipient = inbound.From,
        };
        try
        {
            // Almost every turn stops the indicator before the delay ends: wake without throwing.
            await Task.Delay(delay, time, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (!_stop.IsCancellationRequested)
            {
                await connector.SendToConversationAsync(inbound.ServiceUrl!, inbound.Conversation.Id!, typing, _stop.Token);
                await Task.Delay(interval, time, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException) { }
        // Typing is a courtesy: whatever breaks it (a refused token, a closed connector) must not fail the turn.
        catch (Exception ex) when (ex is not OutOfMemoryException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_inert) return;
        Stop();
        await _loop;
        _stop.Dispose();
    }
}
