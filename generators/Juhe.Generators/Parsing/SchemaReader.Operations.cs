using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;

namespace Juhe.Generators.Parsing;

// Operations: parameters and the path template, the request body's shape and the response's shapes.
internal sealed partial class SchemaReader
{
    private OperationDef? ReadOperation(HttpVerb verb, string path, JsonObjectNode operation, AuthStyle documentAuth, EnvelopeStyle documentEnvelope)
    {
        string where = "the operation " + verb.ToString().ToUpperInvariant() + " " + path;
        string? operationId = RequiredString(operation, "operationId", where, "add a unique \"operationId\", e.g. \"createChatCompletion\"");
        string? client = RequiredString(operation, "x-juhe-client", where, "add \"x-juhe-client\": the family client the method goes on, e.g. \"Chat\" for ChatClient");
        string? methodName = RequiredString(operation, "x-juhe-method", where, "add \"x-juhe-method\": the method name stem, e.g. \"Create\" for CreateAsync");
        CheckIdentifier(client, operation["x-juhe-client"], "x-juhe-client");
        CheckIdentifier(methodName, operation["x-juhe-method"], "x-juhe-method");
        AuthStyle auth = ReadAuth(operation["x-juhe-auth"]) ?? documentAuth;
        EnvelopeStyle envelope = ReadEnvelope(operation["x-juhe-envelope"]) ?? documentEnvelope;
        string? summary = OptionalString(operation, "summary");
        string? description = OptionalString(operation, "description");

        var parameters = new List<ParameterDef>();
        if (Member(operation, "parameters") is JsonArrayNode parameterList)
        {
            foreach (JsonNode item in parameterList.Items)
            {
                ParameterDef? parameter = ReadParameter(item, where);
                if (parameter is not null)
                {
                    parameters.Add(parameter);
                }
            }
        }

        CheckPathTemplate(path, parameters, operation.Start);
        RequestBodyDef body = ReadRequestBody(operation, where);
        EquatableArray<ResponseDef> responses = ReadResponses(operation, where);
        TaskDef? task = operation["x-juhe-task"] is JsonNode taskNode ? ReadTask(taskNode, where) : null;

        if (operationId is null || client is null || methodName is null)
        {
            return null;
        }

        return new OperationDef
        {
            OperationId = operationId,
            Method = verb,
            Path = path,
            Client = client,
            MethodStem = methodName,
            Auth = auth,
            Envelope = envelope,
            Summary = summary,
            Description = description,
            Parameters = parameters.ToEquatableArray(),
            Body = body,
            Responses = responses,
            Task = task,
            Position = operation.Start,
        };
    }

    /// <summary>
    /// The body's shape is decided by the first supported media type listed; the schemas of the
    /// others are still read so their mistakes are reported.
    /// </summary>
    private RequestBodyDef ReadRequestBody(JsonObjectNode operation, string where)
    {
        if (Member(operation, "requestBody") is not JsonObjectNode requestBody || Member(requestBody, "content") is not JsonObjectNode bodyContent)
        {
            return RequestBodyDef.None;
        }

        RequestBodyDef body = RequestBodyDef.None;
        string? chosen = null;
        foreach (JsonMember content in bodyContent.Members)
        {
            if (content.Name is not ("application/json" or "multipart/form-data"))
            {
                Report(JuheDiagnostics.UnsupportedMediaType, content.NamePosition, "request body", content.Name, "\"application/json\" or \"multipart/form-data\"");
                continue;
            }

            chosen ??= content.Name;
            if (content.Value is not JsonObjectNode media || media["schema"] is not JsonNode schemaNode)
            {
                Report(JuheDiagnostics.MissingMember, content.NamePosition, "The request body content \"" + content.Name + "\"", "schema", "add \"schema\": { \"$ref\": \"#/components/schemas/MyRequest\" }");
                continue;
            }

            SchemaDef? schema = ReadSchema(schemaNode, "the request body of " + where);
            if (schema is not null && schema.Shape != SchemaShape.Reference)
            {
                Report(JuheDiagnostics.InlineOperationSchema, schemaNode.Start, "request body");
            }
            else if (content.Name == chosen)
            {
                body = content.Name == "multipart/form-data"
                    ? new RequestBodyDef.Multipart(schema, operation.Start)
                    : schema is null ? RequestBodyDef.None : new RequestBodyDef.Json(schema);
            }
        }

        // A multipart body whose schema could not be read is still multipart: the operation is not generated.
        return body is RequestBodyDef.NoBody && chosen == "multipart/form-data" ? new RequestBodyDef.Multipart(null, operation.Start) : body;
    }

    private EquatableArray<ResponseDef> ReadResponses(JsonObjectNode operation, string where)
    {
        var responses = new List<ResponseDef>();
        if (Member(operation, "responses") is not JsonObjectNode responseTable
            || (responseTable["200"] ?? responseTable["201"]) is not JsonObjectNode okResponse
            || Member(okResponse, "content") is not JsonObjectNode responseContent)
        {
            return EquatableArray<ResponseDef>.Empty;
        }

        foreach (JsonMember content in responseContent.Members)
        {
            JsonObjectNode? media = content.Value as JsonObjectNode;
            ResponseDef? response = content.Name switch
            {
                "application/json" => ReadJsonResponse(media, content, where),
                "text/event-stream" => ReadStream(operation, media, content, where) is { } stream ? new ResponseDef.Stream(stream) : null,
                "text/plain" => ReadTextResponse(media, content),
                _ when IsBinaryMediaType(content.Name) => new ResponseDef.Binary(content.Name),
                _ => UnsupportedResponseMediaType(content),
            };
            if (response is not null)
            {
                responses.Add(response);
            }
        }

        return responses.ToEquatableArray();
    }

    private ResponseDef.Json? ReadJsonResponse(JsonObjectNode? media, JsonMember content, string where)
    {
        if (media?["schema"] is not JsonNode schemaNode)
        {
            Report(JuheDiagnostics.MissingMember, content.NamePosition, "The response content \"application/json\"", "schema", "add \"schema\": { \"$ref\": \"#/components/schemas/MyResponse\" }");
            return null;
        }

        SchemaDef? schema = ReadSchema(schemaNode, "the response of " + where);
        if (schema is not null && schema.Shape != SchemaShape.Reference)
        {
            Report(JuheDiagnostics.InlineOperationSchema, schemaNode.Start, "response");
            return null;
        }

        return schema is null ? null : new ResponseDef.Json(schema);
    }

    /// <summary><c>text/plain</c> beside JSON: the text formats of an answer (a transcription's srt, vtt or text).</summary>
    private ResponseDef.Text ReadTextResponse(JsonObjectNode? media, JsonMember content)
    {
        string? methodName = media is null ? null : OptionalString(media, "x-juhe-text-method");
        CheckIdentifier(methodName, media?["x-juhe-text-method"], "x-juhe-text-method");
        return new ResponseDef.Text(methodName, content.NamePosition);
    }

    private static bool IsBinaryMediaType(string mediaType)
        => mediaType == "application/octet-stream"
           || mediaType.StartsWith("audio/", StringComparison.Ordinal)
           || mediaType.StartsWith("video/", StringComparison.Ordinal)
           || mediaType.StartsWith("image/", StringComparison.Ordinal);

    private ResponseDef? UnsupportedResponseMediaType(JsonMember content)
    {
        Report(JuheDiagnostics.UnsupportedMediaType, content.NamePosition, "response", content.Name, "\"application/json\", \"text/event-stream\", \"text/plain\", \"application/octet-stream\", \"audio/*\", \"video/*\" or \"image/*\"");
        return null;
    }

    private ParameterDef? ReadParameter(JsonNode node, string where)
    {
        if (node is not JsonObjectNode parameter)
        {
            ReportKind(node, "a parameter of " + where, "an object");
            return null;
        }

        if (parameter["$ref"] is not null)
        {
            Report(JuheDiagnostics.ParameterReference, parameter.Start);
            return null;
        }

        string? name = RequiredString(parameter, "name", "a parameter of " + where, "add \"name\"");
        string? locationText = RequiredString(parameter, "in", "the parameter \"" + name + "\"", "add \"in\": \"path\", \"query\" or \"header\"");
        ParameterLocation? location = locationText switch
        {
            null => null,
            "path" => ParameterLocation.Path,
            "query" => ParameterLocation.Query,
            "header" => ParameterLocation.Header,
            _ => null,
        };
        if (locationText is not null && location is null)
        {
            Report(JuheDiagnostics.InvalidParameterLocation, parameter["in"]!.Start, locationText);
            return null;
        }

        string? csharpName = OptionalString(parameter, "x-juhe-name");
        bool required = OptionalBool(parameter, "required") ?? (location == ParameterLocation.Path);
        JsonNode? schemaNode = parameter["schema"];
        SchemaDef? schema;
        if (schemaNode is null)
        {
            Report(JuheDiagnostics.MissingMember, parameter.Start, "The parameter \"" + name + "\"", "schema", "add \"schema\": { \"type\": \"string\" }");
            schema = null;
        }
        else
        {
            schema = ReadSchema(schemaNode, "the parameter \"" + name + "\"");
            if (schema is not null && !IsParameterSchema(schema, location))
            {
                string what = schema.Shape == SchemaShape.Array && location != ParameterLocation.Query
                    ? "an array (only query parameters may be arrays)"
                    : "of type " + schema.Shape.ToString().ToLowerInvariant();
                Report(JuheDiagnostics.UnsupportedParameterType, schemaNode.Start, name ?? "(unnamed)", what);
                schema = null;
            }
        }

        if (name is null || location is null || schema is null)
        {
            return null;
        }

        bool segments = OptionalBool(parameter, "x-juhe-segments") ?? false;
        bool optionalPrefix = OptionalBool(parameter, "x-juhe-optional-prefix") ?? false;
        if ((segments || optionalPrefix) && location != ParameterLocation.Path)
        {
            Report(JuheDiagnostics.PathExtensionOnOtherParameter, parameter.Start, name, segments ? "x-juhe-segments" : "x-juhe-optional-prefix");
            return null;
        }

        return new ParameterDef(name, location.Value, csharpName, required, OptionalString(parameter, "description"), schema, parameter.Start)
        {
            Segments = segments,
            OptionalPrefix = optionalPrefix,
            DefaultText = (schemaNode as JsonObjectNode)?["default"] is { } defaultNode ? DefaultText(defaultNode) : null,
        };
    }

    /// <summary>Path and header values are one primitive or enum; query values may also be an array of those.</summary>
    private static bool IsParameterSchema(SchemaDef schema, ParameterLocation? location)
    {
        static bool IsScalar(SchemaDef s) => s.Shape is SchemaShape.String or SchemaShape.Integer or SchemaShape.Number or SchemaShape.Boolean or SchemaShape.Reference or SchemaShape.Enum;
        return IsScalar(schema) || (location == ParameterLocation.Query && schema.Shape == SchemaShape.Array && IsScalar(schema.Items!));
    }

    /// <summary>A schema <c>default</c> as the text it is sent as: strings as they are, booleans in lower case, numbers as written.</summary>
    private static string? DefaultText(JsonNode node) => node switch
    {
        JsonStringNode text => text.Value,
        _ when node.Kind == JsonKind.True => "true",
        _ when node.Kind == JsonKind.False => "false",
        JsonNumberNode number => number.Text,
        _ => null,
    };
    private void CheckPathTemplate(string path, List<ParameterDef> parameters, TextPosition position)
    {
        var placeholders = new List<string>();
        int index = 0;
        while ((index = path.IndexOf('{', index)) >= 0)
        {
            int close = path.IndexOf('}', index);
            if (close < 0)
            {
                Report(JuheDiagnostics.InvalidPath, position, path, "it has an unclosed '{'");
                return;
            }

            placeholders.Add(path.Substring(index + 1, close - index - 1));
            index = close + 1;
        }

        foreach (ParameterDef parameter in parameters)
        {
            if (parameter.In == ParameterLocation.Path && !placeholders.Contains(parameter.Name))
            {
                Report(JuheDiagnostics.PathParameterNotInTemplate, parameter.Position, parameter.Name, path);
            }
        }

        foreach (string placeholder in placeholders)
        {
            if (!parameters.Any(p => p.In == ParameterLocation.Path && p.Name == placeholder))
            {
                Report(JuheDiagnostics.PlaceholderWithoutParameter, position, path, placeholder);
            }
        }
    }
}
