using System.Text.Json;
using AiCoachBot.Coaching.Flows;
using AiCoachBot.Coaching.State;

namespace AiCoachBot.Coaching.Tests;

public sealed class AnswerJsonConverterTests
{
    public static TheoryData<Answer> EveryKind => new()
    {
        new Answer { Flag = false },
        new Answer { Choice = "measured" },
        new Answer { Choices = ["gdpr", "bias"] },
        new Answer { Number = 12.5m },
        new Answer { Date = new DateOnly(2027, 3, 31) },
        new Answer { Text = "Sort \"urgent\" emails — vite !" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryKindOfAnswer_SurvivesARoundTrip(Answer answer)
    {
        var json = JsonSerializer.Serialize(answer, CoachingJsonContext.Default.Answer);
        var back = JsonSerializer.Deserialize(json, CoachingJsonContext.Default.Answer)!;
        Assert.Equal(answer with { Choices = null }, back with { Choices = null });
        Assert.Equal(answer.Choices, back.Choices);
    }

    [Fact]
    public void UnknownFieldsAndNulls_AreIgnored_AsTheDefaultSerializerDoes()
    {
        var answer = JsonSerializer.Deserialize("""{"flag":true,"comment":{"a":[1,2]},"text":null,"future":3}""", CoachingJsonContext.Default.Answer)!;
        Assert.Equal(new Answer { Flag = true }, answer);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("""{"number":"twelve"}""")]
    [InlineData("""{"date":"31/03/2027"}""")]
    [InlineData("""{"choices":"gdpr"}""")]
    public void AMalformedAnswer_IsAJsonError_SoTheSessionCountsAsUnreadable(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, CoachingJsonContext.Default.Answer));
    }
}
