using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Model;

/// <summary>
/// Combines every parsed schema file of the compilation into the C# model: resolves <c>$ref</c>s
/// (also across files), names inline types, checks names are unique, and groups operations into
/// clients. A file with any error contributes nothing, and neither does a file that depends on it.
/// </summary>
internal sealed class ModelBuilder
{
    private static readonly HashSet<string> ReservedContextNames = new(StringComparer.Ordinal)
        { "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions" };

    private readonly ImmutableArray<SchemaDocument> _documents;
    private readonly HostModel _host;
    private readonly Dictionary<string, SchemaDocument> _byFileName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _broken = new(StringComparer.Ordinal);

    // Per pass state.
    private List<DiagnosticInfo> _diagnostics = [];
    private Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private Dictionary<string, string> _typeOrigins = new(StringComparer.Ordinal);
    private HashSet<string> _failedFiles = new(StringComparer.Ordinal);
    private Dictionary<(string File, string Name), TypeRef?> _resolved = [];
    private HashSet<(string File, string Name)> _resolving = [];
    private List<ClientModel> _clients = [];

    private ModelBuilder(ImmutableArray<SchemaDocument> documents, HostModel host)
    {
        _documents = documents.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        _host = host;
        foreach (SchemaDocument document in _documents)
        {
            if (!_byFileName.ContainsKey(document.FileName))
            {
                _byFileName.Add(document.FileName, document);
            }

            if (document.HasErrors)
            {
                _broken.Add(document.FileName);
            }
        }
    }

    public static GenerationModel Build(ImmutableArray<SchemaDocument> documents, HostModel host)
        => new ModelBuilder(documents, host).Build();

    private GenerationModel Build()
    {
        var kept = new List<DiagnosticInfo>();
        CheckDuplicateOperationIds(kept);
        while (true)
        {
            RunPass();
            if (_failedFiles.Count == 0)
            {
                break;
            }

            // Keep what the failing files said about themselves, drop them, and try again: the
            // files that referenced them will now report that instead of generating half a model.
            kept.AddRange(_diagnostics.Where(d => _failedFiles.Contains(SchemaReader.FileNameOf(d.FilePath))));
            _broken.UnionWith(_failedFiles);
        }

        MarkRequestBodies();
        List<ClientModel> clients = _clients;
        kept.AddRange(_diagnostics);

        TypeModel[] types = _types.Values.OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var context = new ContextModel(
            _host.ContextNamespace,
            _host.ContextName,
            types.OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new ContextEntry(ContextPropertyName(t.Name), t.FullName, t.FullName + "JsonConverter", t.Kind == TypeModelKind.Enum))
                .ToEquatableArray());

        if (clients.Count > 0 && !_host.SeesJuheClient)
        {
            kept.Add(DiagnosticInfo.Create(JuheDiagnostics.JuheClientNotFound, string.Empty, default));
            clients.Clear();
        }

        return new GenerationModel(types.ToEquatableArray(), clients.ToEquatableArray(), context, _host.DeclaresJuheClient, kept.ToEquatableArray());
    }

    private void CheckDuplicateOperationIds(List<DiagnosticInfo> diagnostics)
    {
        var seen = new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
        foreach (SchemaDocument document in _documents.Where(d => !_broken.Contains(d.FileName)))
        {
            foreach (OperationDef operation in document.Operations)
            {
                if (seen.TryGetValue(operation.OperationId, out SchemaDocument? first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(JuheDiagnostics.DuplicateOperationId, document.FilePath, operation.Position, operation.OperationId, first.FileName));
                    _broken.Add(document.FileName);
                }
                else
                {
                    seen.Add(operation.OperationId, document);
                }
            }
        }
    }

    private IEnumerable<SchemaDocument> Good => _documents.Where(d => !_broken.Contains(d.FileName) && _byFileName[d.FileName] == d);

    private void RunPass()
    {
        _diagnostics = [];
        _types = new(StringComparer.Ordinal);
        _typeOrigins = new(StringComparer.Ordinal);
        _failedFiles = new(StringComparer.Ordinal);
        _resolved = [];
        _resolving = [];
        foreach (SchemaDocument document in Good)
        {
            foreach (NamedSchema schema in document.Schemas)
            {
                Resolve(document, document.FileName, schema.Name, schema.Position);
            }
        }

        _clients = BuildClients();
    }

    /// <summary>Resolves a component to the type its uses refer to, generating it on first use.</summary>
    private TypeRef? Resolve(SchemaDocument from, string file, string name, TextPosition position, string? refText = null)
    {
        if (_resolved.TryGetValue((file, name), out TypeRef? done))
        {
            return done;
        }

        if (!_byFileName.TryGetValue(file, out SchemaDocument? target))
        {
            return Fail(from, JuheDiagnostics.UnknownReference, position, refText ?? name, "no schema file named \"" + file + "\" is part of the compilation");
        }

        if (_broken.Contains(file))
        {
            return Fail(from, JuheDiagnostics.UnknownReference, position, refText ?? name, "\"" + name + "\" is in " + file + ", which has errors of its own; fix those first");
        }

        NamedSchema? named = target.Schemas.FirstOrDefault(s => s.Name == name);
        if (named is null)
        {
            return Fail(from, JuheDiagnostics.UnknownReference, position, refText ?? name, file + " has no schema named \"" + name + "\" under components/schemas");
        }

        if (!_resolving.Add((file, name)))
        {
            if (named.Schema.Shape is SchemaShape.Object or SchemaShape.Enum or SchemaShape.OneOf)
            {
                // A type that refers to itself (directly or through others): its name is enough.
                return NamedRef(target.Namespace, name, KindOf(named.Schema.Shape));
            }

            return Fail(target, JuheDiagnostics.UnsupportedConstruct, named.Position, "The schema \"" + name + "\" refers to itself without an object in between", "break the cycle with an object schema");
        }

        TypeRef? result = named.Schema.Shape switch
        {
            SchemaShape.Object or SchemaShape.Enum or SchemaShape.OneOf => DefineType(target, name, named.Schema, named.Position) is { } model
                ? NamedRef(model.Namespace, model.Name, model.Kind)
                : null,
            _ => Use(target, named.Schema, name), // an alias: uses see the underlying type
        };
        _resolving.Remove((file, name));
        _resolved[(file, name)] = result;
        return result;
    }

    /// <summary>The name of a type's <c>JsonTypeInfo</c> property on the context.</summary>
    private static string ContextPropertyName(string typeName) => ReservedContextNames.Contains(typeName) ? typeName + "TypeInfo" : typeName;

    private static TypeModelKind KindOf(SchemaShape shape) => shape switch
    {
        SchemaShape.Enum => TypeModelKind.Enum,
        SchemaShape.OneOf => TypeModelKind.Union,
        _ => TypeModelKind.Object,
    };

    private static TypeRef NamedRef(string ns, string name, TypeModelKind kind) => new(TypeRefKind.Named, FullName: "global::" + ns + "." + name, NamedKind: kind);

    /// <summary>The type of a value described by <paramref name="schema"/>; inline objects, enums and unions become types named <paramref name="inlineName"/>.</summary>
    private TypeRef? Use(SchemaDocument document, SchemaDef schema, string inlineName)
    {
        TypeRef? type;
        switch (schema.Shape)
        {
            case SchemaShape.Any:
                type = new TypeRef(TypeRefKind.Json);
                break;
            case SchemaShape.String:
                if (schema.Format == "binary")
                {
                    return Fail(document, JuheDiagnostics.UnsupportedConstruct, schema.Position, "A \"binary\" string in a JSON schema", "binary parts belong to multipart/form-data bodies, which are not generated yet");
                }

                type = new TypeRef(schema.Format == "date-time" ? TypeRefKind.DateTimeOffset : TypeRefKind.String);
                break;
            case SchemaShape.Integer:
                type = new TypeRef(schema.Format == "int64" ? TypeRefKind.Int64 : TypeRefKind.Int32);
                break;
            case SchemaShape.Number:
                type = new TypeRef(TypeRefKind.Double);
                break;
            case SchemaShape.Boolean:
                type = new TypeRef(TypeRefKind.Boolean);
                break;
            case SchemaShape.Array:
                TypeRef? item = Use(document, schema.Items!, inlineName + "Item");
                type = item is null ? null : new TypeRef(TypeRefKind.List, Item: item);
                break;
            case SchemaShape.Dictionary:
                TypeRef? value = Use(document, schema.Items!, inlineName + "Value");
                type = value is null ? null : new TypeRef(TypeRefKind.Dictionary, Item: value);
                break;
            case SchemaShape.Reference:
                type = Resolve(document, schema.RefFile!, schema.RefName!, schema.Position, schema.RefText);
                break;
            case SchemaShape.Object when schema.Properties.IsEmpty:
                type = new TypeRef(TypeRefKind.Json); // a free-form object
                break;
            default:
                string name = schema.CSharpName ?? inlineName;
                type = DefineType(document, name, schema, schema.Position) is { } model ? NamedRef(model.Namespace, model.Name, model.Kind) : null;
                break;
        }

        return type is null ? null : schema.Nullable && !type.Nullable ? type with { Nullable = true } : type;
    }

    private TypeModel? DefineType(SchemaDocument document, string name, SchemaDef schema, TextPosition position)
    {
        if (_typeOrigins.TryGetValue(name, out string? origin))
        {
            Fail(document, JuheDiagnostics.DuplicateTypeName, position, name, origin);
            return null;
        }

        _typeOrigins.Add(name, document.FileName);
        TypeModel? model = schema.Shape switch
        {
            SchemaShape.Object => DefineObject(document, name, schema),
            SchemaShape.Enum => DefineEnum(document, name, schema),
            _ => DefineUnion(document, name, schema),
        };
        if (model is not null)
        {
            _types[name] = model;
        }

        return model;
    }

    private TypeModel? DefineObject(SchemaDocument document, string name, SchemaDef schema)
    {
        var properties = new List<PropertyModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["AdditionalProperties"] = "(the extension data bag)" };
        bool ok = true;
        foreach (PropertyDef property in schema.Properties)
        {
            string memberName = property.CSharpName ?? Naming.ToPascalCase(property.JsonName);
            if (memberName == name)
            {
                memberName += "Value"; // C# forbids a member named like its type
            }

            if (names.TryGetValue(memberName, out string? other))
            {
                Fail(document, JuheDiagnostics.DuplicateMemberName, property.Position, property.JsonName, other, memberName, name);
                ok = false;
                continue;
            }

            names.Add(memberName, property.JsonName);
            TypeRef? type = Use(document, property.Schema, name + memberName);
            if (type is null)
            {
                ok = false;
                continue;
            }

            properties.Add(new PropertyModel(property.JsonName, memberName, type, property.Required, property.Schema.Description));
        }

        return ok
            ? new TypeModel(TypeModelKind.Object, document.Namespace, name, schema.Description, properties.ToEquatableArray(), EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionCaseModel>.Empty, null, false)
            : null;
    }

    private TypeModel? DefineEnum(SchemaDocument document, string name, SchemaDef schema)
    {
        var members = new List<EnumMemberModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["Value"] = "(the Value property)" };
        for (int i = 0; i < schema.EnumValues.Count; i++)
        {
            string value = schema.EnumValues[i];
            string memberName = schema.EnumNames.IsEmpty ? Naming.ToPascalCase(value) : schema.EnumNames[i];
            if (memberName == name)
            {
                memberName += "Value";
            }

            if (names.TryGetValue(memberName, out string? other))
            {
                Fail(document, JuheDiagnostics.DuplicateMemberName, schema.Position, value, other, memberName, name);
                return null;
            }

            names.Add(memberName, value);
            members.Add(new EnumMemberModel(memberName, value));
        }

        return new TypeModel(TypeModelKind.Enum, document.Namespace, name, schema.Description, EquatableArray<PropertyModel>.Empty, members.ToEquatableArray(), EquatableArray<UnionCaseModel>.Empty, null, false);
    }

    private TypeModel? DefineUnion(SchemaDocument document, string name, SchemaDef schema)
    {
        var cases = new List<UnionCaseModel>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["Unknown"] = "(the Unknown member)" };
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        bool discriminated = schema.DiscriminatorProperty is not null;
        foreach (SchemaDef alternative in schema.Alternatives)
        {
            string caseName = alternative.CSharpName ?? CaseName(alternative);
            if (names.TryGetValue(caseName, out string? other))
            {
                Fail(document, JuheDiagnostics.DuplicateMemberName, alternative.Position, caseName, other, caseName, name);
                return null;
            }

            names.Add(caseName, caseName);
            TypeRef? type = Use(document, alternative with { CSharpName = null }, name + caseName);
            if (type is null)
            {
                return null;
            }

            if (type.Kind == TypeRefKind.Named && type.NamedKind == TypeModelKind.Union)
            {
                return Fail(document, JuheDiagnostics.UnsupportedConstruct, alternative.Position, "A union alternative of " + name + " that is itself a union", "list the inner alternatives in the outer \"oneOf\"") is null ? null : null;
            }

            EquatableArray<string> values = EquatableArray<string>.Empty;
            if (discriminated)
            {
                if (alternative.Shape != SchemaShape.Reference || type.Kind != TypeRefKind.Named || type.NamedKind != TypeModelKind.Object)
                {
                    Fail(document, JuheDiagnostics.UnsupportedConstruct, alternative.Position, "An alternative of the discriminated union " + name + " that is not a $ref to an object schema", "make every alternative a $ref to an object that has the \"" + schema.DiscriminatorProperty + "\" property");
                    return null;
                }

                var mapped = schema.DiscriminatorMapping.Where(m => m.RefName == alternative.RefName && m.RefFile == alternative.RefFile).Select(m => m.Value).ToList();
                values = (mapped.Count > 0 ? mapped : [alternative.RefName!]).ToEquatableArray();
            }
            else
            {
                // Arrays are told apart by the kind of their first item (string[] | int[] | int[][]).
                string token = type.Kind == TypeRefKind.List ? "array of " + TokenOf(type.Item!) : TokenOf(type);
                if (tokens.TryGetValue(token, out string? clash)
                    || (type.Kind == TypeRefKind.List && (tokens.TryGetValue("array of any", out clash) || (token == "array of any" && tokens.Keys.FirstOrDefault(k => k.StartsWith("array of ", StringComparison.Ordinal)) is { } otherArray && tokens.TryGetValue(otherArray, out clash)))))
                {
                    Fail(document, JuheDiagnostics.UnsupportedConstruct, alternative.Position, "The union " + name + " has two alternatives (" + clash + " and " + caseName + ") read from the same kind of JSON value (" + token + ")", "add a \"discriminator\" or merge the alternatives");
                    return null;
                }

                tokens.Add(token, caseName);
            }

            cases.Add(new UnionCaseModel(caseName, type with { Nullable = false }, values));
        }

        foreach (DiscriminatorCase mapping in schema.DiscriminatorMapping)
        {
            if (!schema.Alternatives.Any(a => a.RefName == mapping.RefName && a.RefFile == mapping.RefFile))
            {
                Fail(document, JuheDiagnostics.UnknownReference, mapping.Position, mapping.RefText, "the discriminator maps \"" + mapping.Value + "\" to a schema that is not one of the oneOf alternatives");
                return null;
            }
        }

        return new TypeModel(TypeModelKind.Union, document.Namespace, name, schema.Description, EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty, cases.ToEquatableArray(), schema.DiscriminatorProperty, false);
    }

    private static string CaseName(SchemaDef alternative) => alternative.Shape switch
    {
        SchemaShape.Reference => alternative.RefName!,
        SchemaShape.String => alternative.Format == "date-time" ? "DateTimeOffset" : "String",
        SchemaShape.Integer => alternative.Format == "int64" ? "Int64" : "Int32",
        SchemaShape.Number => "Double",
        SchemaShape.Boolean => "Boolean",
        SchemaShape.Array => CaseName(alternative.Items!) + "List",
        SchemaShape.Dictionary => CaseName(alternative.Items!) + "Map",
        SchemaShape.Enum => "Enum",
        SchemaShape.Object when alternative.Properties.IsEmpty => "Json",
        SchemaShape.Object => "Object",
        _ => "Json",
    };

    /// <summary>The kind of JSON token an alternative is read from, for unions without a discriminator.</summary>
    private static string TokenOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.DateTimeOffset => "string",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => "number",
        TypeRefKind.Boolean => "boolean",
        TypeRefKind.List => "array",
        TypeRefKind.Dictionary => "object",
        TypeRefKind.Named => type.NamedKind == TypeModelKind.Enum ? "string" : "object",
        _ => "any",
    };

    private void MarkRequestBodies()
    {
        foreach (SchemaDocument document in Good)
        {
            foreach (OperationDef operation in document.Operations)
            {
                if (operation.Body is { RefName: { } bodyName } && _types.TryGetValue(bodyName, out TypeModel? body) && body.Kind == TypeModelKind.Object)
                {
                    _types[bodyName] = body with { IsRequestBody = true };
                }
            }
        }
    }

    private List<ClientModel> BuildClients()
    {
        var operationsByClient = new Dictionary<string, (string Namespace, List<OperationModel> Operations)>(StringComparer.Ordinal);
        var order = new List<string>();
        var allOperationIds = new HashSet<string>(Good.SelectMany(d => d.Operations).Select(o => o.OperationId), StringComparer.Ordinal);
        foreach (SchemaDocument document in Good)
        {
            foreach (OperationDef operation in document.Operations)
            {
                if (operation.Task is { } task && !allOperationIds.Contains(task.Poll))
                {
                    Fail(document, JuheDiagnostics.UnknownTaskOperation, task.Position, operation.OperationId, task.Poll);
                }

                OperationModel? model = BuildOperation(document, operation);
                if (model is null)
                {
                    continue;
                }

                string clientName = operation.Client + "Client";
                if (!operationsByClient.TryGetValue(clientName, out var client))
                {
                    client = (document.Namespace, []);
                    operationsByClient.Add(clientName, client);
                    order.Add(clientName);
                }

                if (client.Operations.Any(o => o.MethodName == model.MethodName || (model.Stream is not null && o.Stream?.MethodName == model.Stream.MethodName)))
                {
                    Fail(document, JuheDiagnostics.DuplicateMemberName, operation.Position, operation.OperationId, "another operation", model.MethodName, clientName);
                    continue;
                }

                client.Operations.Add(model);
            }
        }

        string contextFullName = "global::" + _host.ContextNamespace + "." + _host.ContextName;
        return order
            .Select(name => new ClientModel(operationsByClient[name].Namespace, name, name.Substring(0, name.Length - "Client".Length), contextFullName, operationsByClient[name].Operations.ToEquatableArray()))
            .ToList();
    }

    private OperationModel? BuildOperation(SchemaDocument document, OperationDef operation)
    {
        if (operation.BodyContentType == "multipart/form-data")
        {
            Report(document, JuheDiagnostics.OperationNotGenerated, operation.Position, operation.OperationId, "multipart/form-data bodies are not generated yet");
            return null;
        }

        TypeModel? body = null;
        if (operation.Body is { } bodySchema)
        {
            TypeRef? bodyType = Resolve(document, bodySchema.RefFile!, bodySchema.RefName!, bodySchema.Position, bodySchema.RefText);
            if (bodyType is null)
            {
                return null;
            }

            if (bodyType.Kind != TypeRefKind.Named || bodyType.NamedKind != TypeModelKind.Object || !_types.TryGetValue(bodySchema.RefName!, out body))
            {
                return Fail(document, JuheDiagnostics.UnsupportedConstruct, bodySchema.Position, "A request body that is not an object schema", "make the body an object schema with properties") is null ? null : null;
            }
        }

        TypeRef? response = null;
        if (operation.JsonResponse is { } responseSchema)
        {
            response = Resolve(document, responseSchema.RefFile!, responseSchema.RefName!, responseSchema.Position, responseSchema.RefText);
            if (response is null)
            {
                return null;
            }

            if (response.Kind != TypeRefKind.Named)
            {
                return Fail(document, JuheDiagnostics.UnsupportedConstruct, responseSchema.Position, "A response that is not an object, enum or union schema", "wrap the value in an object schema") is null ? null : null;
            }
        }
        else if (operation.Stream is null)
        {
            Report(document, JuheDiagnostics.OperationNotGenerated, operation.Position, operation.OperationId,
                operation.BinaryResponse ? "binary responses are not generated yet" : "it has no \"application/json\" or \"text/event-stream\" 200 response");
            return null;
        }

        var parameters = new List<ParameterModel>();
        var used = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        foreach (ParameterDef parameter in operation.Parameters)
        {
            TypeRef? type = Use(document, parameter.Schema, Naming.ToPascalCase(operation.OperationId) + Naming.ToPascalCase(parameter.Name));
            if (type is null)
            {
                return null;
            }

            if (type.Kind is TypeRefKind.Named && type.NamedKind != TypeModelKind.Enum)
            {
                return Fail(document, JuheDiagnostics.UnsupportedConstruct, parameter.Position, "The parameter \"" + parameter.Name + "\" of a non-enum schema type", "parameters are strings, numbers, booleans or string enums") is null ? null : null;
            }

            string name = parameter.CSharpName ?? Naming.ToCamelCase(parameter.Name);
            if (name is "query" or "juheRequest" or "stream")
            {
                name += "Value"; // the generated method body uses these names for its locals
            }

            if (!used.Add(name))
            {
                return Fail(document, JuheDiagnostics.DuplicateMemberName, parameter.Position, parameter.Name, "another parameter", name, operation.OperationId) is null ? null : null;
            }

            parameters.Add(new ParameterModel(parameter.Name, name, parameter.In, parameter.Required || parameter.In == "path", type, parameter.Description));
        }

        string bodyName = used.Contains("request") ? "body" : "request";
        StreamModel? stream = null;
        if (operation.Stream is { } streamDef)
        {
            stream = BuildStream(document, operation, streamDef, body);
        }

        if (response is null && stream is null)
        {
            return null;
        }

        return new OperationModel(
            operation.OperationId,
            char.ToUpperInvariant(operation.HttpMethod[0]) + operation.HttpMethod.Substring(1),
            operation.Path,
            operation.Auth switch
            {
                "anthropic" => "AnthropicApiKey",
                "google" => "GoogleApiKey",
                "system" => "SystemAccessToken",
                "none" => "None",
                _ => "Bearer",
            },
            operation.Method + "Async",
            operation.Summary,
            operation.Description,
            parameters.ToEquatableArray(),
            bodyName,
            body is null ? null : NamedRef(body.Namespace, body.Name, body.Kind),
            body is null ? null : ContextPropertyName(body.Name),
            response,
            response is null ? null : ContextPropertyName(response.FullName!.Substring(response.FullName.LastIndexOf('.') + 1)),
            stream);
    }

    private StreamModel? BuildStream(SchemaDocument document, OperationDef operation, StreamDef stream, TypeModel? body)
    {
        if (body is null)
        {
            Report(document, JuheDiagnostics.OperationNotGenerated, stream.Position, operation.OperationId + " (streaming)", "a streaming operation without a JSON request body is not generated yet");
            return null;
        }

        string returnType = "global::Juhe.Sse.SseReader";
        if (StreamDecoders.TryGet(stream.Kind, out string decoder))
        {
            if (!_host.VisibleStreamDecoders.Contains(decoder))
            {
                Report(document, JuheDiagnostics.OperationNotGenerated, stream.Position, operation.OperationId + " (streaming)", decoder + " is not available to this compilation");
                return null;
            }

            returnType = "global::" + decoder;
        }

        string? flagProperty = null;
        bool flagNullable = false;
        if (stream.Flag is { } flag)
        {
            PropertyModel? property = body.Properties.FirstOrDefault(p => p.JsonName == flag);
            if (property is null || property.Type.Kind != TypeRefKind.Boolean)
            {
                Report(document, JuheDiagnostics.InvalidValue, stream.Position, "\"x-juhe-stream-flag\" of " + operation.OperationId + " names \"" + flag + "\", which is not a boolean property of " + body.Name);
                return null;
            }

            flagProperty = flag; // the JSON member, which JuheClient writes itself
            flagNullable = !property.Required || property.Type.Nullable;
        }

        return new StreamModel(stream.MethodName + "Async", returnType, flagProperty, flagNullable, operation.Summary);
    }

    private TypeRef? Fail(SchemaDocument document, DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
    {
        Report(document, descriptor, position, arguments);
        _failedFiles.Add(document.FileName);
        return null;
    }

    private void Report(SchemaDocument document, DiagnosticDescriptor descriptor, TextPosition position, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, document.FilePath, position, arguments));
}
