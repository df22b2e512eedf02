namespace AiCoachBot.Protocol.Tests.Schema;

/// <summary>Activities as Teams and the Agents Playground send them (ids shortened, nothing else changed).</summary>
public static class TeamsSamples
{
    /// <summary>The Playground's personal-chat message (shared/PLAYGROUND.md, "Trimmed user message").</summary>
    public const string PersonalMessage = """
        {"type":"message","text":"hello from playwright","id":"63a9f636-1d2c-4b5a-9e8f-7a6b5c4d3e2f","textFormat":"plain","locale":"en-US",
         "from":{"id":"user-id-0","name":"Alex Wilber","aadObjectId":"00000000-0000-0000-0000-0000000000020"},
         "conversation":{"conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000001","id":"9c6e7fb0-5a4b-4c3d-8e2f-1a0b9c8d7e6f"},
         "recipient":{"id":"00000000-0000-0000-0000-00000000000011","name":"Test Bot"},
         "serviceUrl":"http://127.0.0.1:42150/_connector","channelId":"msteams",
         "entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"UTC"}],
         "channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000000001"}}}
        """;

    /// <summary>A channel post that @mentions the bot, with the rich-text copy Teams adds.</summary>
    public const string ChannelMessageWithMention = """
        {
          "type": "message",
          "id": "1481567603816",
          "timestamp": "2024-05-02T09:15:30.123Z",
          "localTimestamp": "2024-05-02T11:15:30.123+02:00",
          "localTimezone": "Europe/Paris",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc", "name": "Megan Bowen", "aadObjectId": "6b3c5a1d-2e4f-4a6b-9c8d-7e6f5a4b3c2d" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "id": "19:abc123def456@thread.tacv2;messageid=1481567603816" },
          "recipient": { "id": "28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", "name": "AI Coach" },
          "textFormat": "plain",
          "text": "<at>AI Coach</at> start retro",
          "attachments": [
            { "contentType": "text/html", "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">AI Coach</span> start retro</div></div>" }
          ],
          "entities": [
            { "type": "mention", "mentioned": { "id": "28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", "name": "AI Coach" }, "text": "<at>AI Coach</at>" },
            { "type": "clientInfo", "locale": "en-GB", "country": "GB", "platform": "Windows", "timezone": "Europe/London" }
          ],
          "channelData": {
            "teamsChannelId": "19:abc123def456@thread.tacv2",
            "teamsTeamId": "19:team789@thread.tacv2",
            "channel": { "id": "19:abc123def456@thread.tacv2" },
            "team": { "id": "19:team789@thread.tacv2", "aadGroupId": "8d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d" },
            "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" }
          },
          "locale": "en-GB"
        }
        """;

    /// <summary>Action.Execute from a card in a personal chat, as the Playground sends it.</summary>
    public const string ActionExecuteInvoke = """
        {
          "type": "invoke",
          "name": "adaptiveCard/action",
          "id": "f:5b4d2a6e-0c1f-4e3a-9b8d-7c6e5f4a3b2c",
          "channelId": "msteams",
          "serviceUrl": "http://127.0.0.1:42150/_connector",
          "from": { "id": "user-id-0", "name": "Alex Wilber", "aadObjectId": "00000000-0000-0000-0000-0000000000020" },
          "recipient": { "id": "00000000-0000-0000-0000-00000000000011", "name": "Test Bot" },
          "conversation": { "conversationType": "personal", "tenantId": "00000000-0000-0000-0000-0000000000001", "id": "9c6e7fb0-5a4b-4c3d-8e2f-1a0b9c8d7e6f" },
          "replyToId": "1:card-1",
          "locale": "en-US",
          "localTimezone": "UTC",
          "value": {
            "action": { "type": "Action.Execute", "title": "Save", "verb": "saveRetro", "data": { "retroId": "r-42", "rating": "4" } },
            "trigger": "manual"
          },
          "channelData": { "source": { "name": "message" }, "tenant": { "id": "00000000-0000-0000-0000-0000000000001" } }
        }
        """;

    /// <summary>The user accepted a file consent card (the documented value, in a personal-chat invoke).</summary>
    public const string FileConsentAcceptedInvoke = """
        {
          "type": "invoke",
          "name": "fileConsent/invoke",
          "id": "f:7e1c9a3b-2d4f-4a5b-8c6d-0e1f2a3b4c5d",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc", "name": "Megan Bowen", "aadObjectId": "6b3c5a1d-2e4f-4a6b-9c8d-7e6f5a4b3c2d" },
          "recipient": { "id": "28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", "name": "AI Coach" },
          "conversation": { "conversationType": "personal", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "id": "a:1Xq9bPsZ3kT7mN2vR8wY4cL6hJ0dF5gA" },
          "replyToId": "1:consent-card-1",
          "locale": "en-GB",
          "value": {
            "type": "fileUpload",
            "action": "accept",
            "context": { "exportId": "x-42" },
            "uploadInfo": {
              "contentUrl": "https://contoso.sharepoint.com/personal/johnadams_contoso_com/Documents/Applications/file_example.txt",
              "name": "file_example.txt",
              "uploadUrl": "https://contoso.sharepoint.com/personal/johnadams_contoso_com/_api/v2.0/drive/items/01ABC/uploadSession?guid='9d1f'&path='~tmp_file_example.txt'&tempauth=eyJ0eXAi",
              "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
              "fileType": "txt",
              "etag": "123"
            }
          },
          "channelData": { "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" } }
        }
        """;

    /// <summary>The user declined: no uploadInfo, the decline context comes back.</summary>
    public const string FileConsentDeclinedInvoke = """
        {
          "type": "invoke",
          "name": "fileConsent/invoke",
          "id": "f:0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc", "name": "Megan Bowen" },
          "recipient": { "id": "28:6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", "name": "AI Coach" },
          "conversation": { "conversationType": "personal", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "id": "a:1Xq9bPsZ3kT7mN2vR8wY4cL6hJ0dF5gA" },
          "replyToId": "1:consent-card-1",
          "value": { "type": "fileUpload", "action": "decline", "context": { "exportId": "x-42" } },
          "channelData": { "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" } }
        }
        """;
}
