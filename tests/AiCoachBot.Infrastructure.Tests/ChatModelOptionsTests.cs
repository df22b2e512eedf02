using System.ComponentModel.DataAnnotations;
using System.Net;
using AiCoachBot.Infrastructure.Llm;

namespace AiCoachBot.Infrastructure.Tests;

public sealed class ChatModelOptionsTests
{
    [Fact]
    public void NoEndpoint_MeansNoModel_AndIsValid()
    {
        var options = new ChatModelOptions();

        Assert.False(options.IsConfigured);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/openai/v1/", "gpt-4o-mini", null)]
    [InlineData("http://127.0.0.1:8080/v1/", "local", null)]
    [InlineData("http://contoso.openai.azure.com/openai/v1/", "gpt-4o-mini", "Endpoint must be an https URL")]
    [InlineData("contoso.openai.azure.com", "gpt-4o-mini", "Endpoint must be an https URL")]
    [InlineData("https://contoso.openai.azure.com/openai/v1/", "", "Model is required")]
    public void AnEndpoint_MustBeHttpsExceptOnLoopback_AndNameItsModel(string endpoint, string model, string? problem)
    {
        var errors = Validate(new ChatModelOptions { Endpoint = endpoint, Model = model });

        if (problem is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void RetryAfterMs_WinsOverRetryAfter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("retry-after-ms", "250");
        response.Headers.Add("Retry-After", "7");

        Assert.Equal(TimeSpan.FromMilliseconds(250), ModelRetryAfter.Of(response, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void RetryAfter_InSecondsOrAsADate_IsRead()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.Add("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.Add("Retry-After", now.AddSeconds(30).ToString("R"));
        using var none = new HttpResponseMessage(HttpStatusCode.InternalServerError);

        Assert.Equal(TimeSpan.FromSeconds(7), ModelRetryAfter.Of(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(30), ModelRetryAfter.Of(date, now));
        Assert.Null(ModelRetryAfter.Of(none, now));
    }

    private static List<string> Validate(ChatModelOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
