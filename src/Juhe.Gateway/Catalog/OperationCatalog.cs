using System.Text.Json;

namespace Juhe.Gateway.Catalog;

/// <summary>
/// Every operation of every schema file, read once at start: the gateway's route table. Members
/// the gateway does not know (future <c>x-juhe-*</c> keys included) are ignored.
/// </summary>
internal sealed class OperationCatalog
{
    private static readonly string[] HttpMethods = ["get", "post", "put", "patch", "delete", "head", "options"];

    private readonly List<GatewayOperation> _bySpecificity;

    private OperationCatalog(SchemaSet schemas, List<GatewayOperation> operations)
    {
        Schemas = schemas;
        Operations = operations;
        _bySpecificity = [.. operations.OrderByDescending(o => o.Path.Specificity)];
    }

    /// <summary>The schema files the operations come from.</summary>
    public SchemaSet Schemas { get; }

    /// <summary>The operations, in file and path order.</summary>
    public IReadOnlyList<GatewayOperation> Operations { get; }

    /// <summary>Reads the operations of every file in <paramref name="schemas"/>.</summary>
    public static OperationCatalog Build(SchemaSet schemas)
    {
        var operations = new List<GatewayOperation>();
        foreach (string document in schemas.DocumentNames)
        {
            SchemaNode root = schemas.Root(document);
            AuthStyle documentAuth = ParseAuth(root.GetString("x-juhe-auth"), AuthStyle.Bearer, document);
            if (!root.TryGet("paths", out JsonElement paths) || paths.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (JsonProperty path in paths.EnumerateObject())
            {
                foreach (string method in HttpMethods)
                {
                    if (path.Value.TryGetProperty(method, out JsonElement operation) && operation.ValueKind == JsonValueKind.Object)
                    {
                        operations.Add(ReadOperation(document, path.Name, method, new SchemaNode(operation, document), documentAuth));
                    }
                }
            }
        }

        var byId = operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        foreach (GatewayOperation operation in operations)
        {
            if (operation.Task is { } task && byId.TryGetValue(task.Poll, out GatewayOperation? poll))
            {
                poll.PolledTask = task;
            }
        }

        return new OperationCatalog(schemas, operations);
    }

    /// <summary>The operation serving <paramref name="method"/> <paramref name="path"/>, with its path parameters.</summary>
    /// <param name="method">The request's HTTP method.</param>
    /// <param name="path">The request's raw (still escaped) path.</param>
    /// <param name="parameters">The path parameters, unescaped.</param>
    /// <remarks>A known path with another method is not found either: new-api (gin) answers both with its 404.</remarks>
    public GatewayOperation? Find(string method, string path, out Dictionary<string, string> parameters)
    {
        foreach (GatewayOperation operation in _bySpecificity)
        {
            if (string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase) && operation.Path.TryMatch(path, out parameters))
            {
                return operation;
            }
        }

        parameters = [];
        return null;
    }

    private static GatewayOperation ReadOperation(string document, string path, string method, SchemaNode operation, AuthStyle documentAuth)
    {
        string operationId = operation.GetString("operationId")
            ?? throw new InvalidOperationException($"'{document}': {method.ToUpperInvariant()} {path} has no operationId.");
        var parameters = new List<OperationParameter>();
        var multiSegment = new HashSet<string>(StringComparer.Ordinal);
        if (operation.TryGet("parameters", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in list.EnumerateArray())
            {
                var parameter = new SchemaNode(item, document);
                string name = parameter.GetString("name") ?? throw new InvalidOperationException($"'{document}': a parameter of {operationId} has no name.");
                bool required = parameter.TryGet("required", out JsonElement r) && r.ValueKind == JsonValueKind.True;
                parameters.Add(new OperationParameter(name, parameter.GetString("in") ?? "query", required, parameter.Child("schema")));
                if (parameter.TryGet("x-juhe-segments", out JsonElement segments) && segments.ValueKind == JsonValueKind.True)
                {
                    multiSegment.Add(name);
                }
            }
        }

        AuthStyle auth = ParseAuth(operation.GetString("x-juhe-auth"), documentAuth, document);
        TaskSpec? task = operation.TryGet("x-juhe-task", out JsonElement taskElement) ? ReadTask(taskElement) : null;
        var content = new OperationContent(operation);
        return new GatewayOperation
        {
            OperationId = operationId,
            Document = document,
            Method = method.ToUpperInvariant(),
            Path = new PathTemplate(path, multiSegment),
            Auth = auth,
            Errors = ErrorStyleOf(path, auth, task, operation),
            Parameters = parameters,
            JsonBody = content.RequestSchema("application/json"),
            MultipartBody = content.RequestSchema("multipart/form-data"),
            BodyRequired = content.BodyRequired,
            SuccessStatus = content.SuccessStatus,
            JsonAnswer = content.JsonAnswer,
            StreamKind = content.StreamKind,
            StreamSchema = content.StreamSchema,
            StreamFlag = operation.GetString("x-juhe-stream-flag"),
            BinaryMediaType = content.BinaryMediaType,
            TextMediaType = content.TextMediaType,
            Task = task,
        };
    }

    private static AuthStyle ParseAuth(string? value, AuthStyle fallback, string document) => value switch
    {
        null => fallback,
        "bearer" => AuthStyle.Bearer,
        "anthropic" => AuthStyle.Anthropic,
        "google" => AuthStyle.Google,
        "system" => AuthStyle.System,
        "none" => AuthStyle.None,
        _ => throw new InvalidOperationException($"'{document}': x-juhe-auth '{value}' is not one of bearer, anthropic, google, system, none."),
    };

    // The schemas do not name the envelope (yet), so it follows from what the catalogue says of each
    // family: Claude's route answers Claude's shape, management its success flag, Midjourney its
    // code/description, the gateway's task routes TaskError, and everything else OpenAI's.
    private static ErrorStyle ErrorStyleOf(string path, AuthStyle auth, TaskSpec? task, SchemaNode operation) =>
        operation.GetString("x-juhe-error-style") switch
        {
            "openai" => ErrorStyle.OpenAI,
            "claude" => ErrorStyle.Claude,
            "task" => ErrorStyle.Task,
            "midjourney" => ErrorStyle.Midjourney,
            "management" => ErrorStyle.Management,
            _ when auth == AuthStyle.Anthropic => ErrorStyle.Claude,
            _ when auth == AuthStyle.System || path.StartsWith("/api/", StringComparison.Ordinal) => ErrorStyle.Management,
            _ when path.StartsWith("/mj/", StringComparison.Ordinal) || path.Contains("/mj/", StringComparison.Ordinal) => ErrorStyle.Midjourney,
            _ when task is not null => ErrorStyle.Task,
            _ => ErrorStyle.OpenAI,
        };

    private static TaskSpec ReadTask(JsonElement task)
    {
        var node = new SchemaNode(task, string.Empty);
        return new TaskSpec(
            node.GetString("poll") ?? string.Empty,
            node.GetString("id"),
            node.GetString("status"),
            node.GetString("result"),
            node.GetString("progress"),
            Strings(task, "queued"),
            Strings(task, "running"),
            Strings(task, "succeeded"),
            Strings(task, "failed"));
    }

    private static string[] Strings(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
