using System.CommandLine;
using Juhe.Luma;
using Juhe.Sora;
using Juhe.Veo;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe video "prompt"</c>: submits to the chosen video family, shows a live progress line while it runs, then saves the video.</summary>
internal static class VideoCommand
{
    private static readonly string[] Families = ["veo", "sora", "luma", "kling"];

    public static Command Create()
    {
        var prompt = new Argument<string>("prompt") { Description = "What to film." };
        var family = new Option<string>("--family", "-f") { Description = "Which family films it: " + string.Join(", ", Families) + ".", DefaultValueFactory = _ => "veo" };
        family.AcceptOnlyFromAmong(Families);
        var model = new Option<string?>("--model", "-m") { Description = "The model (default: the family's usual one)." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to save into.", DefaultValueFactory = _ => "." };
        var noDownload = new Option<bool>("--no-download") { Description = "Print the result URLs (signed, they expire) instead of saving the files." };
        var command = new Command("video", "Generate a video with the family of your choice, showing progress, and save it.") { prompt, family, model, output, noDownload };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            string text = parse.GetValue(prompt)!;
            string? modelName = parse.GetValue(model);
            IReadOnlyList<string> urls = parse.GetValue(family)!.ToUpperInvariant() switch
            {
                "SORA" => await ImageCommand.RunAsync<SoraVideo>("sora", p => client.Sora.RunCreateVideoAsync(
                    SoraCreateVideoRequest.CreateBuilder(modelName ?? "sora-2", text).Build(), progress: p, polling: ImageCommand.Polling, cancellationToken: ct)).ConfigureAwait(false),
                "LUMA" => await ImageCommand.RunAsync<LumaGeneration>("luma", p => client.Luma.RunGenerateAsync(
                    LumaGenerationRequest.CreateBuilder(text).Build(), progress: p, polling: ImageCommand.Polling, cancellationToken: ct)).ConfigureAwait(false),
                "KLING" => await ImageCommand.RunAsync<Kling.KlingTaskResponse>("kling", p => client.Kling.RunText2VideoAsync(
                    Kling.KlingText2VideoRequest.CreateBuilder(text).Build(), progress: p, polling: ImageCommand.Polling, cancellationToken: ct)).ConfigureAwait(false),
                _ => await ImageCommand.RunAsync<VeoVideoTask>("veo", p => client.Veo.RunCreateVideoAsync(
                    VeoCreateVideoRequest.CreateBuilder(modelName ?? "veo3-fast", text).Build(), progress: p, polling: ImageCommand.Polling, cancellationToken: ct)).ConfigureAwait(false),
            };
            await ResultFiles.SaveAllAsync(client, urls, parse.GetValue(output)!, "video", ".mp4", parse.GetValue(noDownload), ct).ConfigureAwait(false);
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
