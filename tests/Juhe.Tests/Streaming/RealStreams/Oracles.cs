using System.Text.Json;

namespace Juhe.Tests.Streaming.RealStreams;

/// <summary>
/// Each format's rules, applied with <see cref="JsonDocument"/> over <see cref="NaiveSse"/>: an
/// independent reading to compare the decoders against (catalogue §18, realstreams/README.md).
/// </summary>
internal static class Oracles
{
    public static StreamSummary Chat(byte[] bytes)
    {
        var summary = new StreamSummary { End = "truncated" };
        foreach ((string type, string data) in NaiveSse.Parse(bytes))
        {
            if (type == "error")
            {
                summary.End = "gateway error";
                return summary;
            }

            if (type != "message" || data.Trim().Length == 0)
            {
                continue;
            }

            if (data == "[DONE]")
            {
                summary.End = "completed";
                return summary;
            }

            using var json = JsonDocument.Parse(data);
            JsonElement root = json.RootElement;
            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
            {
                summary.End = "gateway error";
                return summary;
            }

            if (root.TryGetProperty("choices", out JsonElement choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement choice in choices.EnumerateArray())
                {
                    ChatChoice(summary, choice);
                }
            }

            if (root.TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object)
            {
                summary.Usage = $"{Int(usage, "prompt_tokens")}/{Int(usage, "completion_tokens")}/{Int(usage, "total_tokens")}";
            }
        }

        return summary;
    }

    public static StreamSummary Claude(byte[] bytes)
    {
        var summary = new StreamSummary { End = "truncated" };
        int[] usage = [-1, -1, -1, -1];
        string[] usageNames = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"];
        foreach ((string eventType, string data) in NaiveSse.Parse(bytes))
        {
            if (eventType == "error")
            {
                summary.End = "gateway error";
                break;
            }

            if (data.Trim().Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(data);
            JsonElement root = json.RootElement;
            string type = Str(root, "type");
            if (type == "error" || (root.TryGetProperty("error", out JsonElement error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String))
            {
                summary.End = "gateway error";
                break;
            }

            int index = root.TryGetProperty("index", out JsonElement i) ? i.GetInt32() : -1;
            MergeUsage(root);
            if (root.TryGetProperty("message", out JsonElement message))
            {
                MergeUsage(message);
            }

            switch (type)
            {
                case "content_block_start":
                    JsonElement block = root.GetProperty("content_block");
                    summary.Set($"b{index}.kind", Str(block, "type"));
                    summary.Append($"b{index}.tool", Str(block, "id") + Str(block, "name"));
                    break;
                case "content_block_delta":
                    JsonElement delta = root.GetProperty("delta");
                    (string field, string name) = Str(delta, "type") switch
                    {
                        "text_delta" => ("text", "text"),
                        "thinking_delta" => ("thinking", "thinking"),
                        "signature_delta" => ("signature", "signature"),
                        "input_json_delta" => ("input", "partial_json"),
                        _ => ("", ""),
                    };
                    if (field.Length > 0)
                    {
                        summary.Append($"b{index}.{field}", Str(delta, name));
                    }

                    break;
                case "message_delta":
                    string stop = Str(root.GetProperty("delta"), "stop_reason");
                    if (stop.Length > 0)
                    {
                        summary.Set("stop", stop);
                    }

                    break;
                case "message_stop":
                    summary.End = "completed";
                    break;
            }

            if (summary.End == "completed")
            {
                break;
            }
        }

        summary.Usage = usage.All(u => u < 0) ? "" : string.Join('/', usage.Select(u => Math.Max(u, 0)));
        return summary;

        void MergeUsage(JsonElement holder)
        {
            if (holder.TryGetProperty("usage", out JsonElement u) && u.ValueKind == JsonValueKind.Object)
            {
                for (int f = 0; f < usageNames.Length; f++)
                {
                    if (u.TryGetProperty(usageNames[f], out JsonElement v) && v.ValueKind == JsonValueKind.Number)
                    {
                        usage[f] = v.GetInt32();
                    }
                }
            }
        }
    }

    public static StreamSummary Responses(byte[] bytes)
    {
        var summary = new StreamSummary { End = "truncated" };
        foreach ((string eventType, string data) in NaiveSse.Parse(bytes))
        {
            if (eventType == "error")
            {
                summary.End = "gateway error";
                return summary;
            }

            if (data.Trim().Length == 0 || data == "[DONE]")
            {
                continue;
            }

            using var json = JsonDocument.Parse(data);
            JsonElement root = json.RootElement;
            string type = Str(root, "type");
            string item = Str(root, "item_id");
            switch (type)
            {
                case "error":
                case "response.failed":
                    summary.End = "gateway error";
                    return summary;
                case "response.output_text.delta":
                    summary.Append("text." + item, Str(root, "delta"));
                    break;
                case "response.reasoning_summary_text.delta":
                case "response.reasoning_text.delta":
                    summary.Append("reasoning." + item, Str(root, "delta"));
                    break;
                case "response.function_call_arguments.delta":
                    summary.Append("args." + item, Str(root, "delta"));
                    break;
                case "response.refusal.delta":
                    summary.Append("refusal." + item, Str(root, "delta"));
                    break;
                case "response.output_item.added":
                    JsonElement added = root.GetProperty("item");
                    if (Str(added, "type") == "function_call")
                    {
                        summary.Set("call." + Str(added, "id"), Str(added, "name") + "/" + Str(added, "call_id"));
                    }

                    break;
                case "response.completed":
                case "response.incomplete":
                    if (root.GetProperty("response").TryGetProperty("usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object)
                    {
                        summary.Usage = $"{Int(usage, "input_tokens")}/{Int(usage, "output_tokens")}/{Int(usage, "total_tokens")}";
                    }

                    summary.End = "completed";
                    return summary;
            }
        }

        return summary;
    }

    public static StreamSummary Gemini(byte[] bytes)
    {
        var summary = new StreamSummary { End = "completed" };
        foreach ((string eventType, string data) in NaiveSse.Parse(bytes))
        {
            if (eventType == "error")
            {
                summary.End = "gateway error";
                return summary;
            }

            if (data.Trim().Length == 0 || data == "[DONE]")
            {
                continue;
            }

            using var json = JsonDocument.Parse(data);
            JsonElement root = json.RootElement;
            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
            {
                summary.End = "gateway error";
                return summary;
            }

            if (root.TryGetProperty("candidates", out JsonElement candidates))
            {
                int position = 0;
                foreach (JsonElement candidate in candidates.EnumerateArray())
                {
                    int index = candidate.TryGetProperty("index", out JsonElement i) ? i.GetInt32() : position;
                    position++;
                    if (candidate.TryGetProperty("content", out JsonElement content) && content.TryGetProperty("parts", out JsonElement parts))
                    {
                        foreach (JsonElement part in parts.EnumerateArray())
                        {
                            GeminiPart(summary, $"k{index}", part);
                        }
                    }

                    if (Str(candidate, "finishReason") is { Length: > 0 } finish)
                    {
                        summary.Set($"k{index}.finish", finish);
                    }
                }
            }

            if (root.TryGetProperty("usageMetadata", out JsonElement usage))
            {
                summary.Usage = $"{Int(usage, "promptTokenCount")}/{Int(usage, "candidatesTokenCount")}/{Int(usage, "totalTokenCount")}/{Int(usage, "thoughtsTokenCount")}";
            }

            if (root.TryGetProperty("promptFeedback", out JsonElement feedback) && Str(feedback, "blockReason") is { Length: > 0 } reason)
            {
                summary.Set("blocked", reason);
            }
        }

        return summary;
    }

    private static void ChatChoice(StreamSummary summary, JsonElement choice)
    {
        string c = "c" + (choice.TryGetProperty("index", out JsonElement index) ? index.GetInt32() : 0);
        if (choice.TryGetProperty("text", out JsonElement legacy) && legacy.ValueKind == JsonValueKind.String)
        {
            summary.Append(c + ".text", legacy.GetString()!);
        }

        if (choice.TryGetProperty("delta", out JsonElement delta) && delta.ValueKind == JsonValueKind.Object)
        {
            if (delta.TryGetProperty("content", out JsonElement content))
            {
                if (content.ValueKind == JsonValueKind.String)
                {
                    summary.Append(c + ".text", content.GetString()!);
                }
                else if (content.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement part in content.EnumerateArray())
                    {
                        summary.Append(c + ".text", Str(part, "text"));
                        if (part.TryGetProperty("thinking", out JsonElement thinking) && thinking.ValueKind == JsonValueKind.Array)
                        {
                            foreach (JsonElement piece in thinking.EnumerateArray())
                            {
                                summary.Append(c + ".reasoning", Str(piece, "text"));
                            }
                        }
                    }
                }
            }

            // reasoning_content when sent, otherwise reasoning: gateways send the same text under both.
            string reasoning = delta.TryGetProperty("reasoning_content", out JsonElement rc) && rc.ValueKind == JsonValueKind.String ? rc.GetString()! : Str(delta, "reasoning");
            summary.Append(c + ".reasoning", reasoning);
            if (delta.TryGetProperty("tool_calls", out JsonElement calls) && calls.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement call in calls.EnumerateArray())
                {
                    string t = $"{c}.tool{(call.TryGetProperty("index", out JsonElement ti) ? ti.GetInt32() : 0)}";
                    summary.Append(t + ".id", Str(call, "id"));
                    if (call.TryGetProperty("function", out JsonElement function))
                    {
                        summary.Append(t + ".name", Str(function, "name"));
                        summary.Append(t + ".args", Str(function, "arguments"));
                    }
                }
            }
        }

        if (Str(choice, "finish_reason") is { Length: > 0 } finish)
        {
            summary.Set(c + ".finish", finish);
        }
    }

    private static void GeminiPart(StreamSummary summary, string k, JsonElement part)
    {
        if (part.TryGetProperty("text", out JsonElement text))
        {
            bool thought = part.TryGetProperty("thought", out JsonElement t) && t.ValueKind == JsonValueKind.True;
            summary.Append(k + (thought ? ".thought" : ".text"), text.GetString()!);
        }
        else if (part.TryGetProperty("functionCall", out JsonElement call))
        {
            summary.Append(k + ".call", Str(call, "name") + (call.TryGetProperty("args", out JsonElement args) ? args.GetRawText() : ""));
        }
        else if (part.TryGetProperty("inlineData", out JsonElement inline))
        {
            summary.Append(k + ".inline", Str(inline, "mimeType") + ":" + Str(inline, "data").Length);
        }
        else if (part.TryGetProperty("executableCode", out JsonElement code))
        {
            summary.Append(k + ".code", Str(code, "code"));
        }
        else if (part.TryGetProperty("codeExecutionResult", out JsonElement result))
        {
            summary.Append(k + ".result", Str(result, "output"));
        }

        if (Str(part, "thoughtSignature") is { Length: > 0 } signature)
        {
            summary.Append(k + ".signatures", signature.Length + ";");
        }
    }

    private static string Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : 0;
}
