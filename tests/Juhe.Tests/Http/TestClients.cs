using Juhe.Http;

namespace Juhe.Tests.Http;

internal static class TestClients
{
    public const string ApiKey = "sk-TestKey0123456789abcdefghijklmnopqrstuv";
    public const string AccessToken = "sys-access-token-Zq8Wm2Lp";

    public static readonly Uri BaseUrl = new("https://gateway.example.com");

    public static JuheClient Create(
        FakeHandler handler,
        TimeProvider? time = null,
        int maxRetries = 2,
        TimeSpan? timeout = null,
        TimeSpan? streamIdleTimeout = null,
        TimeSpan? retryBaseDelay = null,
        TimeSpan? streamFirstByteTimeout = null,
        TimeSpan? maxRetryDelay = null,
        Uri? baseUrl = null) =>
        new(new JuheClientOptions
        {
            BaseUrl = baseUrl ?? BaseUrl,
            ApiKey = ApiKey,
            SystemAccessToken = AccessToken,
            UserId = 42,
            HttpClient = new HttpClient(handler),
            TimeProvider = time ?? new ManualTimeProvider { FireAtOnceUpTo = TimeSpan.FromMinutes(2) },
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromMinutes(10),
            StreamIdleTimeout = streamIdleTimeout ?? TimeSpan.FromMinutes(5),
            StreamFirstByteTimeout = streamFirstByteTimeout ?? streamIdleTimeout ?? TimeSpan.FromMinutes(3),
            RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = maxRetryDelay ?? TimeSpan.FromMinutes(1),
        });

    public static JuheRequest Post(string path = "/v1/chat/completions", JuheAuthStyle auth = JuheAuthStyle.Bearer, string? query = null) =>
        new(HttpMethod.Post, path, auth, query);

    public static JuheRequest Get(string path = "/v1/models", JuheAuthStyle auth = JuheAuthStyle.Bearer, string? query = null) =>
        new(HttpMethod.Get, path, auth, query);
}
