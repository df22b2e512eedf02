using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiCoachBot.Coaching.Flows;

/// <summary>
/// Reads and writes <see cref="Answer"/> by hand. A session holds dozens of answers and is read on every
/// turn; System.Text.Json builds init-only records through a boxed argument array, which cost more than
/// the rest of the turn's deserialisation together. Unknown fields are skipped, as the default does.
/// </summary>
public sealed class AnswerJsonConverter : JsonConverter<Answer>
{
    public override Answer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A value of the wrong type is a malformed document, as it is for the default serializer.
        try { return ReadAnswer(ref reader); }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException) { throw new JsonException("Malformed answer.", ex); }
    }

    private static Answer ReadAnswer(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("An answer must be a JSON object.");
        bool? flag = null; string? choice = null; List<string>? choices = null; decimal? number = null; DateOnly? date = null; string? text = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("Malformed answer.");
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            switch (name)
            {
                case "flag": flag = reader.GetBoolean(); break;
                case "choice": choice = reader.GetString(); break;
                case "number": number = reader.GetDecimal(); break;
                case "date": date = DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "text": text = reader.GetString(); break;
                case "choices":
                    if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("'choices' must be an array.");
                    choices = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) choices.Add(reader.GetString() ?? throw new JsonException("A choice cannot be null."));
                    break;
                default: reader.Skip(); break;
            }
        }
        return new Answer { Flag = flag, Choice = choice, Choices = choices, Number = number, Date = date, Text = text };
    }

    public override void Write(Utf8JsonWriter writer, Answer value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Flag is { } flag) writer.WriteBoolean("flag", flag);
        if (value.Choice is { } choice) writer.WriteString("choice", choice);
        if (value.Choices is { } choices)
        {
            writer.WriteStartArray("choices");
            foreach (var c in choices) writer.WriteStringValue(c);
            writer.WriteEndArray();
        }
        if (value.Number is { } number) writer.WriteNumber("number", number);
        if (value.Date is { } date) writer.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (value.Text is { } text) writer.WriteString("text", text);
        writer.WriteEndObject();
    }
}
