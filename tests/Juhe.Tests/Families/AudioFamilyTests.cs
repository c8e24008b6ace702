using System.Net;
using System.Text;
using Juhe.Audio;
using Juhe.Http;
using Juhe.Tests.Engine;
using Juhe.Tests.Generated;
using Juhe.Tests.Http;
using static Juhe.Tests.Http.TestClients;

namespace Juhe.Tests.Families;

/// <summary>The generated audio client (catalogue §2): speech as a streamed file, transcription and translation as multipart uploads answered with JSON or text.</summary>
public sealed class AudioFamilyTests
{
    private static readonly byte[] Mp3 = [0x49, 0x44, 0x33, 0x04, 0x00, 0xFF, 0xFB, 0x90];

    private const string VerboseJson = """
        {"task":"transcribe","language":"chinese","duration":2.5,"text":"你好，世界。",
         "segments":[{"id":0,"seek":0,"start":0.0,"end":2.5,"text":"你好，世界。","tokens":[50364,2131],"temperature":0.0,"avg_logprob":-0.21,"compression_ratio":0.8,"no_speech_prob":0.01}],
         "words":[{"word":"你好","start":0.0,"end":1.1},{"word":"世界","start":1.2,"end":2.4}]}
        """;

    private static HttpResponseMessage Audio(string mediaType = "audio/mpeg")
    {
        var content = new ByteArrayContent(Mp3);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static IReadOnlyList<MultipartPart> PartsOf(RecordedRequest sent)
    {
        Assert.StartsWith("multipart/form-data", sent.ContentType, StringComparison.Ordinal);
        return MultipartPart.Parse(sent.ContentType!, sent.Body!);
    }

    private static MultipartPart Part(IReadOnlyList<MultipartPart> parts, string name) =>
        Assert.Single(parts, p => p.Disposition.Contains("name=\"" + name + "\"", StringComparison.Ordinal));

    [Fact]
    public async Task Speech_posts_JSON_and_hands_back_the_audio_file_unread()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Audio());
        using JuheClient client = Create(gateway);
        SpeechRequest request = SpeechRequest.CreateBuilder("gpt-4o-mini-tts", "你好", SpeechVoice.Coral)
            .WithResponseFormat(SpeechFormat.Mp3).WithSpeed(1.25).WithInstructions("calm").Build();

        using JuheBinaryResponse audio = await client.Audio.CreateSpeechAsync(request);
        using var copy = new MemoryStream();
        await audio.CopyToAsync(copy);

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal((HttpMethod.Post, "/v1/audio/speech", "Bearer " + ApiKey), (sent.Method, sent.Uri.AbsolutePath, sent.Header("Authorization")));
        JsonAssert.Equivalent("""{"model":"gpt-4o-mini-tts","input":"你好","voice":"coral","response_format":"mp3","speed":1.25,"instructions":"calm"}""", sent.BodyText);
        Assert.Equal("audio/mpeg", audio.ContentType);
        Assert.Equal(Mp3, copy.ToArray());
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Speech_answered_with_a_JSON_error_raises_it_instead_of_returning_a_file(HttpStatusCode status)
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.OpenAiError(status, "invalid_voice")), maxRetries: 0);

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Audio.CreateSpeechAsync(SpeechRequest.CreateBuilder("tts-1", "hi", "robot").Build()));

        Assert.Equal(("invalid_voice", status), (e.ErrorCode, e.StatusCode));
    }

    [Fact]
    public async Task A_transcription_uploads_the_file_and_every_field_as_a_server_reads_them()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, VerboseJson));
        using JuheClient client = Create(gateway);
        TranscriptionRequest request = TranscriptionRequest.CreateBuilder(JuheFile.FromBytes(Mp3, "会议.mp3"), "whisper-1")
            .WithLanguage("zh").WithPrompt("术语").WithResponseFormat(TranscriptionFormat.VerboseJson).WithTemperature(0.2)
            .AddTimestampGranularity(TimestampGranularity.Word).AddTimestampGranularity(TimestampGranularity.Segment).Build();

        Transcription transcription = await client.Audio.TranscribeAsync(request);

        RecordedRequest sent = gateway.Requests[0];
        Assert.Equal((HttpMethod.Post, "/v1/audio/transcriptions"), (sent.Method, sent.Uri.AbsolutePath));
        IReadOnlyList<MultipartPart> parts = PartsOf(sent);
        MultipartPart file = Part(parts, "file");
        Assert.Equal(Mp3, file.Body);
        Assert.Equal("audio/mpeg", file.ContentType);
        Assert.Contains("filename*=utf-8''%E4%BC%9A%E8%AE%AE.mp3", file.Disposition, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(("whisper-1", "zh", "术语", "verbose_json", "0.2"),
            (Part(parts, "model").Text, Part(parts, "language").Text, Part(parts, "prompt").Text, Part(parts, "response_format").Text, Part(parts, "temperature").Text));
        Assert.Equal(["word", "segment"], parts.Where(p => p.Disposition.Contains("name=\"timestamp_granularities[]\"", StringComparison.Ordinal)).Select(p => p.Text));
        Assert.Equal(8, parts.Count);
        Assert.Equal(("你好，世界。", "chinese", 2.5), (transcription.Text, transcription.Language, transcription.Duration));
        Assert.Equal(["你好", "世界"], transcription.Words!.Select(w => w.Word));
        Assert.Equal(-0.21, transcription.Segments![0].AvgLogprob);
    }

    [Fact]
    public async Task Optional_fields_left_unset_are_not_sent()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"hello"}"""));
        using JuheClient client = Create(gateway);

        Transcription transcription = await client.Audio.TranscribeAsync(TranscriptionRequest.CreateBuilder(JuheFile.FromBytes(Mp3, "a.mp3"), "whisper-1").Build());

        Assert.Equal(["file", "model"], PartsOf(gateway.Requests[0]).Select(p => p.Disposition.Split("name=\"")[1].Split('"')[0]));
        Assert.Equal("hello", transcription.Text);
    }

    [Theory]
    [InlineData("srt", "1\n00:00:00,000 --> 00:00:02,500\n你好，世界。\n", "application/x-subrip")]
    [InlineData("vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n你好，世界。\n", "text/vtt")]
    [InlineData("text", "你好，世界。\n", "text/plain")]
    public async Task The_text_formats_come_back_as_text_through_the_text_method(string format, string body, string mediaType)
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Text(HttpStatusCode.OK, body, mediaType));
        using JuheClient client = Create(gateway);
        TranscriptionRequest request = TranscriptionRequest.CreateBuilder(JuheFile.FromBytes(Mp3, "a.mp3"), "whisper-1").WithResponseFormat(format).Build();

        string text = await client.Audio.TranscribeTextAsync(request);

        Assert.Equal(body, text);
        Assert.Equal(format, Part(PartsOf(gateway.Requests[0]), "response_format").Text);
    }

    [Fact]
    public async Task A_JSON_error_envelope_to_the_text_method_raises_instead_of_being_returned_as_text()
    {
        using JuheClient client = Create(FakeHandler.Answering(() => Responses.OpenAiError(HttpStatusCode.OK, "unsupported_format")));
        TranscriptionRequest request = TranscriptionRequest.CreateBuilder(JuheFile.FromBytes(Mp3, "a.mp3"), "whisper-1").WithResponseFormat(TranscriptionFormat.Srt).Build();

        var e = await Assert.ThrowsAsync<JuheApiException>(() => client.Audio.TranscribeTextAsync(request));

        Assert.Equal("unsupported_format", e.ErrorCode);
    }

    [Fact]
    public async Task A_translation_uploads_to_its_route_and_reads_the_English_text()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"Hello, world."}"""));
        using JuheClient client = Create(gateway);
        using var stream = new MemoryStream(Mp3);
        TranslationRequest request = TranslationRequest.CreateBuilder(JuheFile.FromStream(stream, "a.wav"), "whisper-1").WithTemperature(0).Build();

        Transcription translation = await client.Audio.TranslateAsync(request);

        IReadOnlyList<MultipartPart> parts = PartsOf(gateway.Requests[0]);
        Assert.Equal("/v1/audio/translations", gateway.Requests[0].Uri.AbsolutePath);
        Assert.Equal(("audio/wav", "0"), (Part(parts, "file").ContentType, Part(parts, "temperature").Text));
        Assert.Equal("Hello, world.", translation.Text);
    }

    [Fact]
    public async Task The_text_method_of_translations_posts_the_same_form()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Text(HttpStatusCode.OK, "Hello.", "text/plain"));
        using JuheClient client = Create(gateway);

        string text = await client.Audio.TranslateTextAsync(TranslationRequest.CreateBuilder(JuheFile.FromBytes(Mp3, "a.mp3"), "whisper-1").WithResponseFormat(TranscriptionFormat.Text).Build());

        Assert.Equal("Hello.", text);
        Assert.Equal("/v1/audio/translations", gateway.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public void A_form_built_without_its_file_names_the_missing_part()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new TranscriptionRequestBuilder().WithModel("whisper-1").Build());

        Assert.Contains("file (WithFile)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_whose_required_file_is_null_fails_before_sending_and_names_the_part()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":""}"""));
        using JuheClient client = Create(gateway);
        var request = new TranscriptionRequest { File = null!, Model = "whisper-1" };

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Audio.TranscribeAsync(request));

        Assert.Contains("no 'file' part", e.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Requests);
    }

    [Fact]
    public async Task A_file_read_from_a_stream_is_sent_as_it_is_read_not_buffered_by_the_generated_code()
    {
        FakeHandler gateway = FakeHandler.Answering(() => Responses.Json(HttpStatusCode.OK, """{"text":"ok"}"""));
        using JuheClient client = Create(gateway);
        var source = new CountingStream(new byte[1 << 20]);
        TranscriptionRequest request = TranscriptionRequest.CreateBuilder(JuheFile.FromStream(source, "big.mp3"), "whisper-1").Build();

        JuheMultipartBody body = request.ToMultipartBody();
        Assert.Equal(0, source.BytesRead); // making the body reads nothing
        await client.Audio.TranscribeAsync(request);

        Assert.Equal(1 << 20, Part(PartsOf(gateway.Requests[0]), "file").Body.Length);
        Assert.Equal(2, body.Count);
    }

    /// <summary>A stream that counts what was read from it.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await base.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
