using Juhe.Audio;
using Juhe.Http;
using Juhe.Kling;
using Juhe.Management;
using Juhe.Tasks;

namespace Juhe.EndToEnd.Tests;

// The calls of the engine's first families: management (system token + New-Api-User, success envelope),
// audio (file answer, multipart uploads, text formats) and Kling (task-code envelope, poll by id).
public sealed partial class EveryOperationTests
{
    private static readonly JuheTaskPollingOptions QuickPolls = new() { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private static IEnumerable<KeyValuePair<string, Func<JuheClient, Task>>> EngineFamilyCalls() =>
    [
        new("listTokens", async client =>
        {
            TokenList list = await client.Management.ListTokensAsync(page: 1, size: 20, pageSize: 20);
            Assert.True(list.Success);
            Assert.NotNull(list.Data?.Page?.Items ?? list.Data?.Items);
        }),
        new("searchTokens", async client => Assert.True((await client.Management.SearchTokensAsync(keyword: "ci")).Success)),
        new("getToken", async client => Assert.NotNull((await client.Management.GetTokenAsync(104)).Data)),
        new("createToken", async client =>
        {
            CreateTokenRequest request = CreateTokenRequest.CreateBuilder("ci-bot").Build();
            request.RemainQuota = 500_000;
            Assert.True((await client.Management.CreateTokenAsync(request)).Success);
        }),
        new("updateToken", async client =>
        {
            Token token = Token.CreateBuilder().Build();
            token.Id = 104;
            token.Name = "renamed";
            Assert.True((await client.Management.UpdateTokenAsync(token)).Success);
        }),
        new("deleteToken", async client => Assert.True((await client.Management.DeleteTokenAsync(104)).Success)),
        new("getSelf", async client => Assert.NotNull((await client.Management.GetSelfAsync()).Data?.Username)),
        new("createSpeech", async client =>
        {
            await using JuheBinaryResponse speech = await client.Audio.CreateSpeechAsync(SpeechRequest.CreateBuilder("tts-1", "你好", SpeechVoice.Alloy).Build());
            var audio = new MemoryStream();
            await speech.CopyToAsync(audio);
            Assert.StartsWith("audio/", speech.ContentType, StringComparison.Ordinal);
            Assert.True(audio.Length > 0);
        }),
        new("createTranscription", async client =>
        {
            Transcription text = await client.Audio.TranscribeAsync(TranscriptionRequest.CreateBuilder(JuheFile.FromBytes(new byte[2048], "hello.wav"), "whisper-1").Build());
            Assert.False(string.IsNullOrEmpty(text.Text));
        }),
        new("createTranslation", async client =>
        {
            Transcription text = await client.Audio.TranslateAsync(TranslationRequest.CreateBuilder(JuheFile.FromBytes(new byte[2048], "bonjour.mp3"), "whisper-1").Build());
            Assert.False(string.IsNullOrEmpty(text.Text));
        }),
        new("klingText2Video", async client => AssertSubmitted(await client.Kling.Text2VideoAsync(KlingText2VideoRequest.CreateBuilder("an astronaut walks away").Build()))),
        new("klingImage2Video", async client => AssertSubmitted(await client.Kling.Image2VideoAsync(KlingImage2VideoRequest.CreateBuilder("https://example.com/first.png").Build()))),
        new("klingGenerateImages", async client => AssertSubmitted(await client.Kling.GenerateImagesAsync(KlingImageRequest.CreateBuilder("a red fox in snow").Build()))),
        new("klingGetText2VideoTask", async client =>
        {
            JuheTaskSnapshot<KlingTaskResponse> done = await client.Kling.RunText2VideoAsync(KlingText2VideoRequest.CreateBuilder("waves").Build(), polling: QuickPolls);
            Assert.Equal(JuheTaskState.Succeeded, done.State);
            Assert.NotEmpty(done.ResultUrls);
        }),
        new("klingGetImage2VideoTask", async client =>
        {
            JuheTaskSnapshot<KlingTaskResponse> done = await client.Kling.RunImage2VideoAsync(KlingImage2VideoRequest.CreateBuilder("https://example.com/first.png").Build(), polling: QuickPolls);
            Assert.Equal(JuheTaskState.Succeeded, done.State);
        }),
        new("klingGetImagesTask", async client =>
        {
            JuheTaskSnapshot<KlingTaskResponse> done = await client.Kling.RunGenerateImagesAsync(KlingImageRequest.CreateBuilder("a red fox").Build(), polling: QuickPolls);
            Assert.Equal(JuheTaskState.Succeeded, done.State);
            Assert.NotEmpty(done.ResultUrls);
        }),
    ];

    private static void AssertSubmitted(KlingTaskResponse submitted)
    {
        Assert.False(string.IsNullOrEmpty(submitted.Data?.TaskId));
        Assert.Equal("submitted", submitted.Data!.TaskStatus);
    }
}
