using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Juhe.Generators.Parsing;

/// <summary>
/// Turns one schema file's text into a <see cref="SchemaDocument"/>: checks the OpenAPI subset and
/// the <c>x-juhe-*</c> extensions, and reports every problem with its line. Pure: text in, data out.
/// </summary>
internal sealed class SchemaReader
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly string[] HttpMethods = ["get", "post", "put", "patch", "delete"];

    private static readonly string[] UnsupportedKeywords =
        ["allOf", "anyOf", "not", "if", "then", "else", "patternProperties", "$defs", "prefixItems", "dependentSchemas"];

    private readonly string _filePath;
    private readonly string _fileName;
    private readonly List<DiagnosticInfo> _diagnostics = [];

    private SchemaReader(string filePath)
    {
        _filePath = filePath;
        _fileName = FileNameOf(filePath);
    }

    public static SchemaDocument Read(string filePath, string text)
    {
        var reader = new SchemaReader(filePath);
        return reader.ReadDocument(text);
    }

    /// <summary>The file name part of a path or reference (<c>dir/chat.json</c> → <c>chat.json</c>).</summary>
    public static string FileNameOf(string path)
    {
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private SchemaDocument ReadDocument(string text)
    {
        JsonNode? root = JsonParser.Parse(text, out JsonSyntaxError? syntaxError);
        if (root is null)
        {
            JsonSyntaxError error = syntaxError!.Value;
            Report(JuheDiagnostics.InvalidJson, error.Position, error.Message);
            return Empty();
        }

        if (root is not JsonObjectNode document)
        {
            Report(JuheDiagnostics.InvalidValue, root.Start, "A schema file must be a JSON object with \"openapi\", \"x-juhe-namespace\", \"paths\" and \"components\", not " + root.KindDescription);
            return Empty();
        }

        string? ns = RequiredString(document, "x-juhe-namespace", "the document", "add \"x-juhe-namespace\": \"My.Namespace\" at the root: it is the C# namespace of the generated types");
        if (ns is not null && !IsValidNamespace(ns))
        {
            Report(JuheDiagnostics.InvalidValue, document["x-juhe-namespace"]!.Start, "\"" + ns + "\" is not a valid C# namespace for \"x-juhe-namespace\"");
        }

        string auth = ReadAuth(document["x-juhe-auth"]) ?? "bearer";

        var schemas = new List<NamedSchema>();
        if (Member(document, "components") is JsonObjectNode components && Member(components, "schemas") is JsonObjectNode schemaTable)
        {
            foreach (JsonMember member in schemaTable.Members)
            {
                if (!SyntaxFacts.IsValidIdentifier(member.Name) || !char.IsUpper(member.Name[0]))
                {
                    Report(JuheDiagnostics.InvalidValue, member.NamePosition, "The schema name \"" + member.Name + "\" is not a PascalCase C# identifier; component names are the generated type names");
                    continue;
                }

                SchemaDef? schema = ReadSchema(member.Value, "the schema \"" + member.Name + "\"");
                if (schema is not null)
                {
                    schemas.Add(new NamedSchema(member.Name, schema, member.NamePosition));
                }
            }
        }

        var operations = new List<OperationDef>();
        if (Member(document, "paths") is JsonObjectNode paths)
        {
            foreach (JsonMember path in paths.Members)
            {
                if (!path.Name.StartsWith("/", StringComparison.Ordinal))
                {
                    Report(JuheDiagnostics.InvalidValue, path.NamePosition, "The path \"" + path.Name + "\" must start with '/'");
                    continue;
                }

                if (path.Value is not JsonObjectNode pathItem)
                {
                    ReportKind(path.Value, "the path item \"" + path.Name + "\"", "an object of operations");
                    continue;
                }

                foreach (JsonMember op in pathItem.Members)
                {
                    if (Array.IndexOf(HttpMethods, op.Name) < 0)
                    {
                        if (op.Name == "parameters")
                        {
                            Report(JuheDiagnostics.UnsupportedConstruct, op.NamePosition, "Path-level \"parameters\"", "declare the parameters on each operation instead");
                        }

                        continue;
                    }

                    if (op.Value is not JsonObjectNode operation)
                    {
                        ReportKind(op.Value, "the operation " + op.Name.ToUpperInvariant() + " " + path.Name, "an object");
                        continue;
                    }

                    OperationDef? def = ReadOperation(op.Name, path.Name, operation, auth);
                    if (def is not null)
                    {
                        operations.Add(def);
                    }
                }
            }
        }

        return new SchemaDocument(_filePath, _fileName, ns ?? string.Empty, auth, schemas.ToEquatableArray(), operations.ToEquatableArray(), _diagnostics.ToEquatableArray());
    }

    private SchemaDocument Empty()
        => new(_filePath, _fileName, string.Empty, "bearer", EquatableArray<NamedSchema>.Empty, EquatableArray<OperationDef>.Empty, _diagnostics.ToEquatableArray());

    private OperationDef? ReadOperation(string method, string path, JsonObjectNode operation, string documentAuth)
    {
        string where = "the operation " + method.ToUpperInvariant() + " " + path;
        string? operationId = RequiredString(operation, "operationId", where, "add a unique \"operationId\", e.g. \"createChatCompletion\"");
        string? client = RequiredString(operation, "x-juhe-client", where, "add \"x-juhe-client\": the family client the method goes on, e.g. \"Chat\" for ChatClient");
        string? methodName = RequiredString(operation, "x-juhe-method", where, "add \"x-juhe-method\": the method name stem, e.g. \"Create\" for CreateAsync");
        CheckIdentifier(client, operation["x-juhe-client"], "x-juhe-client");
        CheckIdentifier(methodName, operation["x-juhe-method"], "x-juhe-method");
        string auth = ReadAuth(operation["x-juhe-auth"]) ?? documentAuth;
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

        string? bodyContentType = null;
        SchemaDef? body = null;
        if (Member(operation, "requestBody") is JsonObjectNode requestBody && Member(requestBody, "content") is JsonObjectNode bodyContent)
        {
            foreach (JsonMember content in bodyContent.Members)
            {
                if (content.Name is "application/json" or "multipart/form-data")
                {
                    bodyContentType ??= content.Name;
                    if (content.Value is JsonObjectNode media && media["schema"] is JsonNode schemaNode)
                    {
                        SchemaDef? schema = ReadSchema(schemaNode, "the request body of " + where);
                        if (schema is not null && schema.Shape != SchemaShape.Reference)
                        {
                            Report(JuheDiagnostics.UnsupportedConstruct, schemaNode.Start, "An inline request body schema", "make the body a \"$ref\" to a schema in \"components/schemas\" so it has a type name");
                        }
                        else if (content.Name == bodyContentType)
                        {
                            body = schema;
                        }
                    }
                    else
                    {
                        Report(JuheDiagnostics.MissingMember, content.NamePosition, "The request body content \"" + content.Name + "\"", "schema", "add \"schema\": { \"$ref\": \"#/components/schemas/MyRequest\" }");
                    }
                }
                else
                {
                    Report(JuheDiagnostics.UnsupportedConstruct, content.NamePosition, "The request body media type \"" + content.Name + "\"", "use \"application/json\" or \"multipart/form-data\"");
                }
            }
        }

        SchemaDef? jsonResponse = null;
        bool binary = false;
        StreamDef? stream = null;
        if (Member(operation, "responses") is JsonObjectNode responses)
        {
            JsonNode? ok = responses["200"] ?? responses["201"];
            if (ok is JsonObjectNode okResponse && Member(okResponse, "content") is JsonObjectNode responseContent)
            {
                foreach (JsonMember content in responseContent.Members)
                {
                    JsonObjectNode? media = content.Value as JsonObjectNode;
                    if (content.Name == "application/json")
                    {
                        if (media?["schema"] is JsonNode schemaNode)
                        {
                            SchemaDef? schema = ReadSchema(schemaNode, "the response of " + where);
                            if (schema is not null && schema.Shape != SchemaShape.Reference)
                            {
                                Report(JuheDiagnostics.UnsupportedConstruct, schemaNode.Start, "An inline response schema", "make the response a \"$ref\" to a schema in \"components/schemas\" so it has a type name");
                            }
                            else
                            {
                                jsonResponse = schema;
                            }
                        }
                        else
                        {
                            Report(JuheDiagnostics.MissingMember, content.NamePosition, "The response content \"application/json\"", "schema", "add \"schema\": { \"$ref\": \"#/components/schemas/MyResponse\" }");
                        }
                    }
                    else if (content.Name == "text/event-stream")
                    {
                        string? kind = media is null ? null : OptionalString(media, "x-juhe-stream");
                        if (kind is null)
                        {
                            Report(JuheDiagnostics.MissingMember, content.NamePosition, "The \"text/event-stream\" response of " + where, "x-juhe-stream", "add \"x-juhe-stream\": \"chat-completions\", \"completions\" or \"sse\"");
                            continue;
                        }

                        string streamMethod = (media is null ? null : OptionalString(media, "x-juhe-stream-method")) ?? OptionalString(operation, "x-juhe-stream-method") ?? "Stream";
                        CheckIdentifier(streamMethod, media?["x-juhe-stream-method"] ?? operation["x-juhe-stream-method"], "x-juhe-stream-method");
                        string? flag = OptionalString(operation, "x-juhe-stream-flag") ?? (media is null ? null : OptionalString(media, "x-juhe-stream-flag"));
                        stream = new StreamDef(kind, streamMethod, flag, content.NamePosition);
                    }
                    else if (content.Name == "application/octet-stream" || content.Name.StartsWith("audio/", StringComparison.Ordinal) || content.Name.StartsWith("image/", StringComparison.Ordinal))
                    {
                        binary = true;
                    }
                    else
                    {
                        Report(JuheDiagnostics.UnsupportedConstruct, content.NamePosition, "The response media type \"" + content.Name + "\"", "use \"application/json\", \"text/event-stream\", \"application/octet-stream\" or \"audio/*\"");
                    }
                }
            }
        }

        TaskDef? task = operation["x-juhe-task"] is JsonNode taskNode ? ReadTask(taskNode, where) : null;

        if (operationId is null || client is null || methodName is null)
        {
            return null;
        }

        return new OperationDef(
            operationId, method, path, client, methodName, auth, summary, description, parameters.ToEquatableArray(),
            bodyContentType, body, jsonResponse, binary, stream, task, operation.Start);
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
            Report(JuheDiagnostics.UnsupportedConstruct, parameter.Start, "A parameter \"$ref\"", "declare the parameter inline");
            return null;
        }

        string? name = RequiredString(parameter, "name", "a parameter of " + where, "add \"name\"");
        string? location = RequiredString(parameter, "in", "the parameter \"" + name + "\"", "add \"in\": \"path\", \"query\" or \"header\"");
        if (location is not null && location is not ("path" or "query" or "header"))
        {
            Report(JuheDiagnostics.InvalidValue, parameter["in"]!.Start, "\"in\" is \"" + location + "\"; use \"path\", \"query\" or \"header\"");
            return null;
        }

        if (location == "header")
        {
            Report(JuheDiagnostics.UnsupportedConstruct, parameter.Start, "A header parameter", "the runtime seam sends no per-operation headers yet; drop the parameter or make it a query parameter");
            return null;
        }

        string? csharpName = OptionalString(parameter, "x-juhe-name");
        bool required = OptionalBool(parameter, "required") ?? (location == "path");
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
            if (schema is not null && schema.Shape is not (SchemaShape.String or SchemaShape.Integer or SchemaShape.Number or SchemaShape.Boolean or SchemaShape.Reference))
            {
                Report(JuheDiagnostics.UnsupportedConstruct, schemaNode.Start, "A parameter of type " + schema.Shape.ToString().ToLowerInvariant(), "parameters are strings, integers, numbers, booleans or a $ref to a string enum");
                schema = null;
            }
        }

        if (name is null || location is null || schema is null)
        {
            return null;
        }

        return new ParameterDef(name, location, csharpName, required, OptionalString(parameter, "description"), schema, parameter.Start);
    }

    private void CheckPathTemplate(string path, List<ParameterDef> parameters, TextPosition position)
    {
        var placeholders = new List<string>();
        int index = 0;
        while ((index = path.IndexOf('{', index)) >= 0)
        {
            int close = path.IndexOf('}', index);
            if (close < 0)
            {
                Report(JuheDiagnostics.InvalidValue, position, "The path \"" + path + "\" has an unclosed '{'");
                return;
            }

            placeholders.Add(path.Substring(index + 1, close - index - 1));
            index = close + 1;
        }

        foreach (ParameterDef parameter in parameters)
        {
            if (parameter.In == "path" && !placeholders.Contains(parameter.Name))
            {
                Report(JuheDiagnostics.PathParameterNotInTemplate, parameter.Position, parameter.Name, path);
            }
        }

        foreach (string placeholder in placeholders)
        {
            if (!parameters.Any(p => p.In == "path" && p.Name == placeholder))
            {
                Report(JuheDiagnostics.PlaceholderWithoutParameter, position, path, placeholder);
            }
        }
    }

    private TaskDef? ReadTask(JsonNode node, string where)
    {
        if (node is not JsonObjectNode task)
        {
            ReportKind(node, "the x-juhe-task of " + where, "an object");
            return null;
        }

        string? poll = RequiredString(task, "poll", "the x-juhe-task of " + where, "add \"poll\": the operationId of the status operation");
        string? id = RequiredString(task, "id", "the x-juhe-task of " + where, "add \"id\": the JSON path of the task id in the submit response, e.g. \"data.task_id\"");
        string? status = RequiredString(task, "status", "the x-juhe-task of " + where, "add \"status\": the JSON path of the status in the poll response");
        if (poll is null || id is null || status is null)
        {
            return null;
        }

        return new TaskDef(
            poll, id, status, OptionalString(task, "result"),
            StringList(task, "queued"), StringList(task, "running"), StringList(task, "succeeded"), StringList(task, "failed"), StringList(task, "cancelled"),
            task.Start);
    }

    private SchemaDef? ReadSchema(JsonNode node, string where)
    {
        if (node is not JsonObjectNode schema)
        {
            ReportKind(node, where, "a schema object");
            return null;
        }

        foreach (string keyword in UnsupportedKeywords)
        {
            if (schema[keyword] is JsonNode unsupported)
            {
                string hint = keyword == "anyOf"
                    ? "use \"oneOf\" for unions (and a {\"type\":\"null\"} alternative for nullable)"
                    : keyword == "allOf" ? "write the combined properties out in one object schema" : "describe the value with the supported subset (see src/Juhe/Schemas/README.md)";
                Report(JuheDiagnostics.UnsupportedConstruct, FindMemberPosition(schema, keyword) ?? unsupported.Start, "\"" + keyword + "\" in " + where, hint);
                return null;
            }
        }

        string? description = OptionalString(schema, "description");
        string? csharpName = OptionalString(schema, "x-juhe-name");
        CheckIdentifier(csharpName, schema["x-juhe-name"], "x-juhe-name");

        if (schema["$ref"] is JsonNode refNode)
        {
            if (refNode is not JsonStringNode refString)
            {
                ReportKind(refNode, "\"$ref\" in " + where, "a string");
                return null;
            }

            string text = refString.Value;
            int hash = text.IndexOf('#');
            string file = hash <= 0 ? _fileName : FileNameOf(text.Substring(0, hash));
            string fragment = hash < 0 ? string.Empty : text.Substring(hash);
            if (!fragment.StartsWith(ComponentPrefix, StringComparison.Ordinal) || fragment.Length == ComponentPrefix.Length)
            {
                Report(JuheDiagnostics.UnknownReference, refNode.Start, text, "only references to \"#/components/schemas/<Name>\" are supported");
                return null;
            }

            return new SchemaDef(SchemaShape.Reference, refNode.Start)
            {
                Description = description,
                CSharpName = csharpName,
                RefFile = file,
                RefName = fragment.Substring(ComponentPrefix.Length),
                RefText = text,
            };
        }

        if (schema["oneOf"] is JsonNode oneOfNode)
        {
            return ReadOneOf(schema, oneOfNode, where, description, csharpName);
        }

        bool nullable = false;
        string? type = null;
        JsonNode? typeNode = schema["type"];
        if (typeNode is JsonStringNode typeString)
        {
            type = typeString.Value;
        }
        else if (typeNode is JsonArrayNode typeArray)
        {
            foreach (JsonNode item in typeArray.Items)
            {
                if (item is JsonStringNode { Value: "null" })
                {
                    nullable = true;
                }
                else if (item is JsonStringNode itemString && type is null)
                {
                    type = itemString.Value;
                }
                else
                {
                    Report(JuheDiagnostics.UnsupportedConstruct, item.Start, "A \"type\" list with more than one non-null type in " + where, "use [\"T\", \"null\"] for nullable, or \"oneOf\" for unions");
                    return null;
                }
            }

            if (type is null)
            {
                Report(JuheDiagnostics.UnsupportedConstruct, typeNode.Start, "A \"type\" of only \"null\" in " + where, "give the value a type");
                return null;
            }
        }
        else if (typeNode is not null)
        {
            ReportKind(typeNode, "\"type\" in " + where, "a string or an array of strings");
            return null;
        }

        TextPosition position = typeNode?.Start ?? schema.Start;
        SchemaDef? result = type switch
        {
            null when schema["properties"] is not null => ReadObject(schema, where, position),
            null when schema["enum"] is not null => ReadEnum(schema, where, position),
            null => new SchemaDef(SchemaShape.Any, position),
            "object" => ReadObject(schema, where, position),
            "array" => ReadArray(schema, where, position),
            "string" when schema["enum"] is not null => ReadEnum(schema, where, position),
            "string" => ReadString(schema, where, position),
            "integer" => new SchemaDef(SchemaShape.Integer, position) { Format = OptionalString(schema, "format") },
            "number" => new SchemaDef(SchemaShape.Number, position) { Format = OptionalString(schema, "format") },
            "boolean" => new SchemaDef(SchemaShape.Boolean, position),
            "null" => UnsupportedNullType(position, where),
            _ => UnknownType(type, typeNode!.Start, where),
        };

        return result is null ? null : result with { Nullable = nullable, Description = description, CSharpName = csharpName };
    }

    private SchemaDef? UnsupportedNullType(TextPosition position, string where)
    {
        Report(JuheDiagnostics.UnsupportedConstruct, position, "A schema of type \"null\" in " + where, "a null type is only meaningful as [\"T\", \"null\"] or as an alternative of \"oneOf\"");
        return null;
    }

    private SchemaDef? UnknownType(string type, TextPosition position, string where)
    {
        Report(JuheDiagnostics.UnsupportedConstruct, position, "The type \"" + type + "\" in " + where, "use object, array, string, integer, number or boolean");
        return null;
    }

    private SchemaDef? ReadString(JsonObjectNode schema, string where, TextPosition position)
    {
        string? format = OptionalString(schema, "format");
        return new SchemaDef(SchemaShape.String, position) { Format = format };
    }

    private SchemaDef? ReadEnum(JsonObjectNode schema, string where, TextPosition position)
    {
        if (schema["enum"] is not JsonArrayNode values || values.Items.Count == 0)
        {
            ReportKind(schema["enum"]!, "\"enum\" in " + where, "a non-empty array of strings");
            return null;
        }

        var list = new List<string>();
        foreach (JsonNode value in values.Items)
        {
            if (value is JsonStringNode text)
            {
                list.Add(text.Value);
            }
            else if (value.Kind != JsonKind.Null)
            {
                Report(JuheDiagnostics.UnsupportedConstruct, value.Start, "A non-string enum value in " + where, "enums are string enums; describe numeric codes as \"integer\"");
                return null;
            }
        }

        EquatableArray<string> names = StringList(schema, "x-juhe-enum-names");
        if (!names.IsEmpty && names.Count != list.Count)
        {
            Report(JuheDiagnostics.InvalidValue, schema["x-juhe-enum-names"]!.Start, "\"x-juhe-enum-names\" has " + names.Count + " names for " + list.Count + " enum values in " + where + "; give one name per value");
            return null;
        }

        foreach (string name in names)
        {
            if (!SyntaxFacts.IsValidIdentifier(name))
            {
                Report(JuheDiagnostics.InvalidValue, schema["x-juhe-enum-names"]!.Start, "\"" + name + "\" in \"x-juhe-enum-names\" is not a C# identifier");
                return null;
            }
        }

        return new SchemaDef(SchemaShape.Enum, position) { EnumValues = list.ToEquatableArray(), EnumNames = names };
    }

    private SchemaDef? ReadArray(JsonObjectNode schema, string where, TextPosition position)
    {
        if (schema["items"] is not JsonNode itemsNode)
        {
            Report(JuheDiagnostics.MissingMember, position, "The array in " + where, "items", "add \"items\": the schema of each element ({} for any JSON)");
            return null;
        }

        SchemaDef? items = ReadSchema(itemsNode, "the items of " + where);
        return items is null ? null : new SchemaDef(SchemaShape.Array, position) { Items = items };
    }

    private SchemaDef? ReadObject(JsonObjectNode schema, string where, TextPosition position)
    {
        JsonNode? additional = schema["additionalProperties"];
        JsonNode? propertiesNode = schema["properties"];
        if (propertiesNode is null && additional is not null && additional.Kind is JsonKind.Object or JsonKind.True)
        {
            SchemaDef? values = additional is JsonObjectNode ? ReadSchema(additional, "the additionalProperties of " + where) : new SchemaDef(SchemaShape.Any, additional.Start);
            return values is null ? null : new SchemaDef(SchemaShape.Dictionary, position) { Items = values };
        }

        if (additional is not null && additional.Kind is not (JsonKind.Object or JsonKind.True or JsonKind.False))
        {
            ReportKind(additional, "\"additionalProperties\" in " + where, "a schema, true or false");
            return null;
        }

        var required = new HashSet<string>(StringList(schema, "required"), StringComparer.Ordinal);
        var properties = new List<PropertyDef>();
        bool ok = true;
        if (propertiesNode is JsonObjectNode propertyTable)
        {
            foreach (JsonMember member in propertyTable.Members)
            {
                SchemaDef? propertySchema = ReadSchema(member.Value, "the property \"" + member.Name + "\" of " + where);
                if (propertySchema is null)
                {
                    ok = false;
                    continue;
                }

                string? csharpName = member.Value is JsonObjectNode propertyObject ? OptionalString(propertyObject, "x-juhe-name") : null;
                properties.Add(new PropertyDef(member.Name, csharpName, required.Remove(member.Name), propertySchema, member.NamePosition));
            }
        }
        else if (propertiesNode is not null)
        {
            ReportKind(propertiesNode, "\"properties\" in " + where, "an object");
            return null;
        }

        foreach (string missing in required)
        {
            Report(JuheDiagnostics.InvalidValue, schema["required"]!.Start, "\"required\" in " + where + " names \"" + missing + "\", which is not one of its properties");
            ok = false;
        }

        return ok ? new SchemaDef(SchemaShape.Object, position) { Properties = properties.ToEquatableArray() } : null;
    }

    private SchemaDef? ReadOneOf(JsonObjectNode schema, JsonNode oneOfNode, string where, string? description, string? csharpName)
    {
        if (oneOfNode is not JsonArrayNode list || list.Items.Count == 0)
        {
            ReportKind(oneOfNode, "\"oneOf\" in " + where, "a non-empty array of schemas");
            return null;
        }

        bool nullable = false;
        var alternatives = new List<SchemaDef>();
        foreach (JsonNode item in list.Items)
        {
            if (item is JsonObjectNode itemObject && itemObject["type"] is JsonStringNode { Value: "null" } && itemObject.Members.Count == 1)
            {
                nullable = true;
                continue;
            }

            SchemaDef? alternative = ReadSchema(item, "an alternative of " + where);
            if (alternative is null)
            {
                return null;
            }

            alternatives.Add(alternative);
        }

        if (alternatives.Count == 0)
        {
            Report(JuheDiagnostics.UnsupportedConstruct, oneOfNode.Start, "A \"oneOf\" of only null in " + where, "give it a non-null alternative");
            return null;
        }

        if (alternatives.Count == 1)
        {
            // oneOf [X, null] is how OpenAPI 3.1 writes a nullable X.
            return alternatives[0] with { Nullable = true, Description = description ?? alternatives[0].Description, CSharpName = csharpName ?? alternatives[0].CSharpName };
        }

        string? discriminator = null;
        var mapping = new List<DiscriminatorCase>();
        if (schema["discriminator"] is JsonNode discriminatorNode)
        {
            if (discriminatorNode is not JsonObjectNode discriminatorObject)
            {
                ReportKind(discriminatorNode, "\"discriminator\" in " + where, "an object with \"propertyName\" and \"mapping\"");
                return null;
            }

            discriminator = RequiredString(discriminatorObject, "propertyName", "the discriminator of " + where, "add \"propertyName\": the member whose value selects the alternative");
            if (Member(discriminatorObject, "mapping") is JsonObjectNode mappingObject)
            {
                foreach (JsonMember entry in mappingObject.Members)
                {
                    if (entry.Value is not JsonStringNode target)
                    {
                        ReportKind(entry.Value, "the discriminator mapping \"" + entry.Name + "\"", "a $ref string");
                        return null;
                    }

                    int hash = target.Value.IndexOf('#');
                    string file = hash <= 0 ? _fileName : FileNameOf(target.Value.Substring(0, hash));
                    string fragment = hash < 0 ? string.Empty : target.Value.Substring(hash);
                    if (!fragment.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                    {
                        Report(JuheDiagnostics.UnknownReference, target.Start, target.Value, "discriminator mappings must point at \"#/components/schemas/<Name>\"");
                        return null;
                    }

                    mapping.Add(new DiscriminatorCase(entry.Name, file, fragment.Substring(ComponentPrefix.Length), target.Value, entry.NamePosition));
                }
            }
            else
            {
                Report(JuheDiagnostics.MissingMember, discriminatorNode.Start, "The discriminator of " + where, "mapping", "map each discriminator value to its alternative's $ref");
                return null;
            }

            if (discriminator is null)
            {
                return null;
            }
        }

        return new SchemaDef(SchemaShape.OneOf, oneOfNode.Start)
        {
            Nullable = nullable,
            Description = description,
            CSharpName = csharpName,
            Alternatives = alternatives.ToEquatableArray(),
            DiscriminatorProperty = discriminator,
            DiscriminatorMapping = mapping.ToEquatableArray(),
        };
    }

    private string? ReadAuth(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonStringNode { Value: "bearer" or "anthropic" or "google" or "system" or "none" } text)
        {
            return text.Value;
        }

        Report(JuheDiagnostics.InvalidValue, node.Start, "\"x-juhe-auth\" must be one of bearer, anthropic, google, system, none");
        return null;
    }

    private void CheckIdentifier(string? value, JsonNode? node, string member)
    {
        if (value is not null && node is not null && !SyntaxFacts.IsValidIdentifier(value))
        {
            Report(JuheDiagnostics.InvalidValue, node.Start, "\"" + member + "\" is \"" + value + "\", which is not a C# identifier");
        }
    }

    private JsonNode? Member(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        if (value is not null and not JsonObjectNode and not JsonArrayNode)
        {
            ReportKind(value, "\"" + name + "\"", name == "parameters" ? "an array" : "an object");
            return null;
        }

        return value;
    }

    private string? RequiredString(JsonObjectNode owner, string name, string where, string fix)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            Report(JuheDiagnostics.MissingMember, owner.Start, Capitalize(where), name, fix);
            return null;
        }

        if (value is not JsonStringNode text || text.Value.Length == 0)
        {
            ReportKind(value, "\"" + name + "\" in " + where, "a non-empty string");
            return null;
        }

        return text.Value;
    }

    private string? OptionalString(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            return null;
        }

        if (value is JsonStringNode text)
        {
            return text.Value;
        }

        ReportKind(value, "\"" + name + "\"", "a string");
        return null;
    }

    private bool? OptionalBool(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        switch (value?.Kind)
        {
            case null:
                return null;
            case JsonKind.True:
                return true;
            case JsonKind.False:
                return false;
            default:
                ReportKind(value, "\"" + name + "\"", "true or false");
                return null;
        }
    }

    private EquatableArray<string> StringList(JsonObjectNode owner, string name)
    {
        JsonNode? value = owner[name];
        if (value is null)
        {
            return EquatableArray<string>.Empty;
        }

        if (value is JsonArrayNode array && array.Items.All(i => i is JsonStringNode))
        {
            return array.Items.Select(i => ((JsonStringNode)i).Value).ToEquatableArray();
        }

        ReportKind(value, "\"" + name + "\"", "an array of strings");
        return EquatableArray<string>.Empty;
    }

    private static TextPosition? FindMemberPosition(JsonObjectNode owner, string name)
        => owner.Members.FirstOrDefault(m => m.Name == name)?.NamePosition;

    private static bool IsValidNamespace(string ns)
        => ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private void ReportKind(JsonNode node, string what, string expected)
        => Report(JuheDiagnostics.InvalidValue, node.Start, Capitalize(what) + " must be " + expected + ", not " + node.KindDescription);

    private void Report(DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, _filePath, position, arguments));
}
