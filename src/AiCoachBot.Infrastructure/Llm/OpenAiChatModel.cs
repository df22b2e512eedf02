using System.ClientModel;
using System.ClientModel.Primitives;
using AiCoachBot.Coaching.Coach;
using Azure.Identity;
using OpenAI;
using OpenAI.Chat;

namespace AiCoachBot.Infrastructure.Llm;

/// <summary>
/// The coach's model through the official OpenAI package: Azure OpenAI's v1 endpoint or any OpenAI-compatible
/// one, with an API key or Entra ID. Retries and timeouts are the <see cref="ModelResilienceHandler"/>'s alone:
/// the package's own retry is switched off so the two never multiply.
/// </summary>
public sealed class OpenAiChatModel : IChatModel
{
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";
    private readonly ChatClient _client;
    private readonly string _model;

    public OpenAiChatModel(ChatModelOptions options, HttpClient http)
    {
        _model = options.Model!;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        // Entra ID on the v1 endpoint goes through the package's token-policy constructor, still marked for evaluation (OPENAI001).
#pragma warning disable OPENAI001
        _client = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new ChatClient(_model, new BearerTokenPolicy(Credential(options), EntraScope), clientOptions)
            : new ChatClient(_model, new ApiKeyCredential(options.ApiKey), clientOptions);
#pragma warning restore OPENAI001
    }

    public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ChatMessage[] messages = [new SystemChatMessage(request.System), new UserChatMessage(request.User)];
        var options = new ChatCompletionOptions { MaxOutputTokenCount = request.MaxOutputTokens, Temperature = 0.2f };
        try
        {
            ChatCompletion completion = await _client.CompleteChatAsync(messages, options, cancellationToken);
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            return new ChatReply(text, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0, completion.Model ?? _model);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { throw; }
        catch (ClientResultException ex)
        {
            throw new ChatModelUnavailableException($"the model endpoint answered HTTP {ex.Status}", ex);
        }
        catch (Exception ex)
        {
            // Timeouts, an open circuit, lost connections, a body that is not a completion: all mean "no answer now".
            throw new ChatModelUnavailableException(ex.GetType().Name, ex);
        }
    }

    private static Azure.Core.TokenCredential Credential(ChatModelOptions options) =>
        string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
}
