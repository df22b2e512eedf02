namespace AiCoachBot.E2E.Tests.Support;

public static class Readiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails at once, with the log, if the process exits first.</summary>
    public static async Task WaitForOkAsync(HttpClient http, string url, ChildProcess process, TimeSpan timeout, params string[] extraLogs)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (process.HasExited) throw NotReady($"{process.Name} {process.ExitDescription} before {url} answered 200.", process, extraLogs);
            try
            {
                using var response = await http.GetAsync(url, deadline.Token);
                if ((int)response.StatusCode == 200) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        throw NotReady($"{process.Name} did not answer 200 on {url} within {timeout.TotalSeconds:0} s.", process, extraLogs);
    }

    private static InvalidOperationException NotReady(string message, ChildProcess process, string[] extraLogs) =>
        new($"{message}\n{process.Tail()}\n{string.Join('\n', extraLogs.Select(log => LogFiles.Tail(log)))}");
}
