using System.Collections.Concurrent;
using AiCoachBot.Protocol.Hosting;

namespace AiCoachBot.Protocol.Tests.Hosting;

public sealed class ConversationTurnGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly ConversationTurnGate _gate = new();

    [Fact]
    public async Task EnterAsync_SameConversationWhileATurnRuns_WaitsUntilItEnds()
    {
        var first = await _gate.EnterAsync("a:1", default);

        var second = _gate.EnterAsync("a:1", default);
        var waitedWhileFirstRan = !second.IsCompleted;
        first.Dispose();
        using var lease = await second.WaitAsync(Patience);

        Assert.True(waitedWhileFirstRan);
    }

    [Fact]
    public async Task EnterAsync_SameConversation_TurnsRunOneAtATimeInArrivalOrder()
    {
        var order = new ConcurrentQueue<int>();
        var running = 0;
        var mostAtOnce = 0;
        var first = await _gate.EnterAsync("a:1", default);

        var turns = Enumerable.Range(2, 5).Select(async n =>
        {
            using var lease = await _gate.EnterAsync("a:1", default);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            order.Enqueue(n);
            await Task.Delay(2); // gives an overlapping turn the chance to show itself
            Interlocked.Decrement(ref running);
        }).ToList();
        first.Dispose();
        await Task.WhenAll(turns).WaitAsync(Patience);

        Assert.Equal([2, 3, 4, 5, 6], order);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task EnterAsync_OtherConversation_EntersAtOnce()
    {
        using var busy = await _gate.EnterAsync("a:1", default);

        var other = _gate.EnterAsync("a:2", default);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task EnterAsync_KeysDifferingOnlyInCase_AreDifferentConversations()
    {
        using var busy = await _gate.EnterAsync("19:ABC@thread.tacv2", default);

        var other = _gate.EnterAsync("19:abc@thread.tacv2", default);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task Dispose_AllLeasesReturned_ForgetsTheConversations()
    {
        var first = await _gate.EnterAsync("a:1", default);
        var queued = _gate.EnterAsync("a:1", default);
        var other = await _gate.EnterAsync("a:2", default);
        Assert.Equal(2, _gate.TrackedConversations);

        first.Dispose();
        (await queued.WaitAsync(Patience)).Dispose();
        other.Dispose();

        Assert.Equal(0, _gate.TrackedConversations);
    }

    [Fact]
    public async Task EnterAsync_WaiterCancelled_ThrowsAndLeavesNothingBehind()
    {
        var first = await _gate.EnterAsync("a:1", default);
        using var cancel = new CancellationTokenSource();
        var waiter = _gate.EnterAsync("a:1", cancel.Token);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        first.Dispose();

        Assert.Equal(0, _gate.TrackedConversations);
        (await _gate.EnterAsync("a:1", default).WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnlyOnce()
    {
        var first = await _gate.EnterAsync("a:1", default);
        var second = _gate.EnterAsync("a:1", default);
        first.Dispose();
        using var secondLease = await second.WaitAsync(Patience);

        first.Dispose();
        var third = _gate.EnterAsync("a:1", default);

        Assert.False(third.IsCompleted);
        secondLease.Dispose();
        (await third.WaitAsync(Patience)).Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
