using System.CommandLine;
using Juhe.Suno;
using Juhe.Tasks;

namespace Juhe.Cli.Commands;

/// <summary><c>juhe music "description"</c>: a Suno song from a description (inspiration mode), with a live progress line, saved as audio.</summary>
internal static class MusicCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string>("description") { Description = "What the song is about." };
        var instrumental = new Option<bool>("--instrumental") { Description = "No vocals." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to save into.", DefaultValueFactory = _ => "." };
        var noDownload = new Option<bool>("--no-download") { Description = "Print the clips' audio URLs instead of saving them." };
        var command = new Command("music", "Generate a song with Suno, showing progress, and save its clips.") { prompt, instrumental, output, noDownload };
        command.SetAction((parse, cancellationToken) => CliRunner.RunAsync(parse, async (client, ct) =>
        {
            SunoMusicRequest request = SunoMusicRequest.CreateBuilder().Build();
            request.GptDescriptionPrompt = parse.GetValue(prompt);
            request.MakeInstrumental = parse.GetValue(instrumental);
            IReadOnlyList<string> done = [];
            JuheTaskSnapshot<SunoTaskResponse>? final = null;
            _ = await ImageCommand.RunAsync<SunoTaskResponse>("suno", async p =>
            {
                final = await client.Suno.RunCreateMusicAsync(request, progress: p, polling: ImageCommand.Polling, cancellationToken: ct).ConfigureAwait(false);
                return final;
            }).ConfigureAwait(false);

            // A song's clips carry its audio; the snapshot's own URLs are used when a gateway puts them there.
            done = final?.Payload.Data?.Data?.Clips?.Select(c => c.AudioUrl).OfType<string>().ToList() is { Count: > 0 } clips ? clips : final?.ResultUrls ?? [];
            await ResultFiles.SaveAllAsync(client, done, parse.GetValue(output)!, "song", ".mp3", parse.GetValue(noDownload), ct).ConfigureAwait(false);
            return CliRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
