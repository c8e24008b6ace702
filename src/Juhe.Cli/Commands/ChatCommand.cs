using System.CommandLine;
using Juhe.Chat;
using Juhe.Http;
using Juhe.Sse;
using Juhe.Streaming;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe chat "prompt"</c>: streams the answer to the terminal as it arrives, reasoning dimmed.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string>("prompt") { Description = "What to ask." };
        var model = new Option<string>("--model", "-m") { Description = "The model.", DefaultValueFactory = _ => "gpt-4o-mini" };
        var system = new Option<string?>("--system", "-s") { Description = "A system message." };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "The most tokens to generate." };
        var json = new Option<bool>("--json") { Description = "Print each raw event's JSON, one per line, instead of the text." };
        var command = new Command("chat", "Stream a chat completion (OpenAI format) to the terminal.") { prompt, model, system, maxTokens, json };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            ChatCompletionRequest request = Request(parse.GetValue(prompt)!, parse.GetValue(model)!, parse.GetValue(system), parse.GetValue(maxTokens));
            if (parse.GetValue(json))
            {
                await RawEventsCommand.PrintAsync(client, new JuheRequest(HttpMethod.Post, "/v1/chat/completions") { StreamFlag = "stream" },
                    JuheBody.Json(request, JuheJsonContext.Default.ChatCompletionRequest), ct).ConfigureAwait(false);
                return CliRunner.Ok;
            }

            await using ChatCompletionStream stream = await client.Chat.StreamAsync(request, ct).ConfigureAwait(false);
            await PrintAsync(stream, ct).ConfigureAwait(false);
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static ChatCompletionRequest Request(string prompt, string model, string? system, int? maxTokens)
    {
        List<ChatMessage> messages = [];
        if (!string.IsNullOrEmpty(system))
        {
            messages.Add(new ChatMessage { Role = ChatRole.System, Content = system });
        }

        messages.Add(new ChatMessage { Role = ChatRole.User, Content = prompt });
        ChatCompletionRequest request = ChatCompletionRequest.CreateBuilder(model, messages)
            .WithStreamOptions(new ChatStreamOptions { IncludeUsage = true })
            .Build();
        request.MaxTokens = maxTokens;
        return request;
    }

    /// <summary>Writes reasoning (dim) then content as the bytes arrive; a usage line goes to stderr at the end.</summary>
    private static async Task PrintAsync(ChatCompletionStream stream, CancellationToken cancellationToken)
    {
        bool inReasoning = false;
        bool wroteAny = false;
        try
        {
            while (await stream.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                ChatCompletionChunk chunk = stream.Current;
                if (!chunk.ReasoningUtf8.IsEmpty)
                {
                    if (!inReasoning)
                    {
                        Terminal.Dim();
                        inReasoning = true;
                    }

                    Terminal.Write(chunk.ReasoningUtf8);
                    wroteAny = true;
                }

                if (!chunk.ContentUtf8.IsEmpty)
                {
                    if (inReasoning)
                    {
                        Terminal.Plain();
                        Terminal.Write("\n\n"u8);
                        inReasoning = false;
                    }

                    Terminal.Write(chunk.ContentUtf8);
                    wroteAny = true;
                }

                Terminal.Flush();
            }
        }
        finally
        {
            if (inReasoning)
            {
                Terminal.Plain();
            }

            if (wroteAny)
            {
                Terminal.Write("\n"u8);
                Terminal.Flush();
            }
        }

        if (stream.Usage is { } usage)
        {
            Terminal.Error.WriteLine($"[{usage.PromptTokens} prompt + {usage.CompletionTokens} completion tokens]");
        }
    }
}
