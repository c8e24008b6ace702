using System.Globalization;
using System.Text.Json;
using Juhe.Gateway.Catalog;
using Microsoft.AspNetCore.Http;

namespace Juhe.Gateway.Serving;

/// <summary>Reads and checks what a call sent against its operation: query parameters, a JSON body or a multipart form.</summary>
internal sealed class RequestReader(SchemaSet schemas)
{
    private const int MaxJsonBody = 64 << 20;

    private readonly RequestValidator _validator = new(schemas);

    /// <summary>Reads the request into <paramref name="call"/>; the 400 it earns, or <see langword="null"/>.</summary>
    public async Task<ErrorReply?> ReadAsync(HttpRequest request, CallRequest call, CancellationToken cancellationToken)
    {
        GatewayOperation operation = call.Operation;
        if (CheckQuery(request, operation) is { } queryProblem)
        {
            return ErrorReply.Invalid(queryProblem);
        }

        bool isMultipart = request.HasFormContentType && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        if (operation.MultipartBody is { } formSchema && isMultipart)
        {
            IFormCollection form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            return CheckForm(form, formSchema) is { } formProblem ? ErrorReply.Invalid(formProblem) : null;
        }

        if (operation.JsonBody is not { } jsonSchema)
        {
            return operation.MultipartBody is not null && operation.BodyRequired
                ? ErrorReply.UnreadableBody("this operation takes a multipart/form-data body")
                : null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxJsonBody)
        {
            return new ErrorReply(413, "request body too large", "invalid_request_error", "read_request_body_failed");
        }

        call.BodyBytes = buffer.ToArray();
        if (call.BodyBytes.Length == 0)
        {
            return operation.BodyRequired ? ErrorReply.UnreadableBody("the body is empty; this operation takes a JSON body") : null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(call.BodyBytes);
            call.Body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return ErrorReply.UnreadableBody($"not valid JSON at byte {e.BytePositionInLine ?? 0} of line {(e.LineNumber ?? 0) + 1}");
        }

        return _validator.Validate(call.Body.Value, jsonSchema) is { } problem ? ErrorReply.Invalid(problem) : null;
    }

    private ValidationProblem? CheckQuery(HttpRequest request, GatewayOperation operation)
    {
        foreach (OperationParameter parameter in operation.Parameters)
        {
            if (parameter.In != "query")
            {
                continue;
            }

            string? value = request.Query.TryGetValue(parameter.Name, out var values) && values.Count > 0 ? values[0] : null;
            if (value is null)
            {
                if (parameter.Required)
                {
                    return ValidationProblem.Missing(parameter.Name);
                }

                continue;
            }

            if (parameter.Schema is { } schema && !TextFits(value, schemas.Resolve(schema), out string expected))
            {
                return ValidationProblem.WrongText(parameter.Name, expected);
            }
        }

        return null;
    }

    private ValidationProblem? CheckForm(IFormCollection form, SchemaNode schema)
    {
        schema = schemas.Resolve(schema);
        HashSet<string> required = Synthesis.SchemaFacts.Required(schema);
        SchemaNode? properties = schema.Child("properties");
        foreach (string name in required)
        {
            bool isFile = properties?.Child(name) is { } p && IsFile(schemas.Resolve(p));
            bool present = isFile ? form.Files.GetFile(name) is not null : form.ContainsKey(name) || form.ContainsKey(name + "[]") || form.Files.GetFile(name) is not null;
            if (!present)
            {
                return isFile ? new ValidationProblem(name, $"field {name} is required: send the file as a multipart part named '{name}'", false) : ValidationProblem.Missing(name);
            }
        }

        if (properties is { Element.ValueKind: JsonValueKind.Object } declared)
        {
            foreach (JsonProperty property in declared.Element.EnumerateObject())
            {
                SchemaNode member = schemas.Resolve(new SchemaNode(property.Value, declared.Document));
                if (!IsFile(member) && form.TryGetValue(property.Name, out var values) && values.Count > 0
                    && !TextFits(values[0] ?? string.Empty, member, out string expected))
                {
                    return ValidationProblem.WrongText(property.Name, expected);
                }
            }
        }

        return null;
    }

    private static bool IsFile(SchemaNode schema) => schema.GetString("format") is "binary";

    /// <summary>Whether text (a query value, a form field) can be read as the schema's type.</summary>
    private static bool TextFits(string text, SchemaNode schema, out string expected)
    {
        expected = Synthesis.SchemaFacts.TypeName(schema);
        return expected switch
        {
            "integer" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => bool.TryParse(text, out _),
            _ => true,
        };
    }
}
