using System.CommandLine;
using System.Text.Json;
using Juhe.Http;
using Juhe.Images;
using Juhe.Kling;
using Juhe.Midjourney;
using Juhe.Replicate;
using Juhe.Tasks;

namespace Juhe.Cli.Commands;

/// <summary>
/// <c>juhe image "prompt"</c>: one image family of the caller's choice. Synchronous families answer
/// at once; task families (Midjourney, Kling, Replicate) show a live progress line while they run.
/// Results are saved to files (or printed with <c>--no-download</c>).
/// </summary>
internal static class ImageCommand
{
    /// <summary>The OpenAI-format families and the model each sends by default.</summary>
    private static readonly Dictionary<string, string> OpenAiFormat = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dall-e-3"] = "dall-e-3",
        ["gpt-image-1"] = "gpt-image-1",
        ["flux"] = "flux-kontext-pro",
        ["doubao"] = "doubao-seedream-4-0-250828",
        ["recraft"] = "recraftv3",
        ["sd"] = "stable-diffusion-3-5-large",
    };

    private static readonly string[] Families = [.. OpenAiFormat.Keys, "midjourney", "kling", "replicate"];

    /// <summary>Interactive polling: a person watches the progress line, so the first polls come quickly and the gap stays short.</summary>
    internal static readonly JuheTaskPollingOptions Polling = new() { InitialDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(3) };

    public static Command Create()
    {
        var prompt = new Argument<string>("prompt") { Description = "What to draw." };
        var family = new Option<string>("--family", "-f") { Description = "Which family draws it: " + string.Join(", ", Families) + ".", DefaultValueFactory = _ => "dall-e-3" };
        family.AcceptOnlyFromAmong(Families);
        var model = new Option<string?>("--model", "-m") { Description = "The model (default: the family's usual one; for replicate, an owner/name slug)." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to save into.", DefaultValueFactory = _ => "." };
        var noDownload = new Option<bool>("--no-download") { Description = "Print the result URLs instead of saving the files." };
        var command = new Command("image", "Generate an image with the family of your choice, and save it.") { prompt, family, model, output, noDownload };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            string text = parse.GetValue(prompt)!, chosen = parse.GetValue(family)!, folder = parse.GetValue(output)!;
            bool printOnly = parse.GetValue(noDownload);
            string? modelName = parse.GetValue(model);
            if (OpenAiFormat.TryGetValue(chosen, out string? defaultModel))
            {
                ImagesResponse images = await client.Images.GenerateAsync(ImageGenerationRequest.CreateBuilder(modelName ?? defaultModel, text).Build(), ct).ConfigureAwait(false);
                for (int i = 0; i < images.Data.Count; i++)
                {
                    if (printOnly && images.Data[i].Url is { } url)
                    {
                        Terminal.WriteLine(url);
                        continue;
                    }

                    string path = ResultFiles.PathFor(folder, "image", i, images.Data[i].Url, ".png");
                    await images.Data[i].SaveAsync(path, ResultFiles.Client, ct).ConfigureAwait(false);
                    Terminal.WriteLine(path);
                }

                return CliRunner.Ok;
            }

            IReadOnlyList<string> urls = chosen.ToUpperInvariant() switch
            {
                "MIDJOURNEY" => await RunAsync<MidjourneyTask>("midjourney", p => client.Midjourney.RunImagineAsync(MidjourneyImagineRequest.CreateBuilder(text).Build(), progress: p, polling: Polling, cancellationToken: ct)).ConfigureAwait(false),
                "KLING" => await RunAsync<KlingTaskResponse>("kling", p => client.Kling.RunGenerateImagesAsync(KlingImageRequest.CreateBuilder(text).Build(), progress: p, polling: Polling, cancellationToken: ct)).ConfigureAwait(false),
                _ => await RunReplicateAsync(client, modelName ?? "black-forest-labs/flux-schnell", text, ct).ConfigureAwait(false),
            };
            await ResultFiles.SaveAllAsync(client, urls, folder, "image", ".png", printOnly, ct).ConfigureAwait(false);
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>Runs a task with the live progress line and returns its result URLs.</summary>
    internal static async Task<IReadOnlyList<string>> RunAsync<T>(string what, Func<IProgress<JuheTaskSnapshot<T>>, Task<JuheTaskSnapshot<T>>> run)
    {
        var line = new TaskProgressLine<T>(what);
        JuheTaskSnapshot<T>? final = null;
        try
        {
            final = await run(line).ConfigureAwait(false);
            return final.ResultUrls;
        }
        finally
        {
            line.Finish(final);
        }
    }

    private static async Task<IReadOnlyList<string>> RunReplicateAsync(JuheClient client, string slug, string prompt, CancellationToken ct)
    {
        // A free-JSON input: the prompt, escaped by Utf8JsonWriter.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("prompt", prompt);
            writer.WriteEndObject();
        }

        using JsonDocument input = JsonDocument.Parse(buffer.WrittenMemory);
        var line = new TaskProgressLine<ReplicatePrediction>("replicate");
        JuheTaskSnapshot<ReplicatePrediction>? final = null;
        try
        {
            final = await client.Replicate.RunCreatePredictionAsync(slug, ReplicatePredictionRequest.CreateBuilder(input.RootElement.Clone()).Build(), progress: line, polling: Polling, cancellationToken: ct).ConfigureAwait(false);
            return final.Payload.OutputUrls;
        }
        finally
        {
            line.Finish(final);
        }
    }
}
