using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>
/// Turns schemas into C# types for one model pass: resolves <c>$ref</c>s (also across files),
/// names inline types, defines each object, enum and union once, and checks names are unique.
/// </summary>
internal sealed partial class TypeResolver
{
    private readonly IReadOnlyDictionary<string, SchemaDocument> _byFileName;
    private readonly ISet<string> _broken;
    private readonly ModelDiagnostics _diagnostics;
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeOrigins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nameByFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string File, string Name), TypeRef?> _resolved = [];
    private readonly HashSet<(string File, string Name)> _resolving = [];

    /// <param name="byFileName">Every schema file, by the name <c>$ref</c>s use.</param>
    /// <param name="broken">Files that generate nothing: references into them are errors.</param>
    public TypeResolver(IReadOnlyDictionary<string, SchemaDocument> byFileName, ISet<string> broken, ModelDiagnostics diagnostics)
    {
        _byFileName = byFileName;
        _broken = broken;
        _diagnostics = diagnostics;
    }

    /// <summary>Every type defined so far, by name.</summary>
    public IReadOnlyDictionary<string, TypeModel> Types => _types;

    /// <summary>Marks the object <paramref name="name"/> as sent as a request body, so it gets a builder.</summary>
    public void MarkRequestBody(string name)
    {
        if (_types.TryGetValue(name, out TypeModel? type) && type.Kind == TypeModelKind.Object)
        {
            _types[name] = type with { IsRequestBody = true };
        }
    }

    /// <summary>The generated type a use refers to.</summary>
    public bool TryGetModel(TypeRef type, out TypeModel model)
    {
        if (type.Kind == TypeRefKind.Named && _nameByFullName.TryGetValue(type.FullName!, out string? name) && _types.TryGetValue(name, out TypeModel? found))
        {
            model = found;
            return true;
        }

        model = null!;
        return false;
    }

    /// <summary>Resolves a component to the type its uses refer to, generating it on first use.</summary>
    public TypeRef? Resolve(SchemaDocument from, string file, string name, TextPosition position, string? refText = null)
    {
        if (_resolved.TryGetValue((file, name), out TypeRef? done))
        {
            return done;
        }

        if (!_byFileName.TryGetValue(file, out SchemaDocument? target))
        {
            _diagnostics.Fail(from, JuheDiagnostics.UnknownSchemaFile, position, refText ?? name, file);
            return null;
        }

        if (_broken.Contains(file))
        {
            _diagnostics.Fail(from, JuheDiagnostics.ReferenceIntoBrokenFile, position, refText ?? name, name, file);
            return null;
        }

        NamedSchema? named = target.Schemas.FirstOrDefault(s => s.Name == name);
        if (named is null)
        {
            _diagnostics.Fail(from, JuheDiagnostics.UnknownReference, position, refText ?? name, file, name);
            return null;
        }

        if (!_resolving.Add((file, name)))
        {
            if (named.Schema.Shape is SchemaShape.Object or SchemaShape.Enum or SchemaShape.OneOf)
            {
                // A type that refers to itself (directly or through others): its name is enough.
                return TypeRef.Named(target.Namespace, name, KindOf(named.Schema.Shape));
            }

            _diagnostics.Fail(target, JuheDiagnostics.ReferenceCycleWithoutObject, named.Position, name);
            return null;
        }

        TypeRef? result = named.Schema.Shape switch
        {
            SchemaShape.Object or SchemaShape.Enum or SchemaShape.OneOf => DefineType(target, name, named.Schema, named.Position) is { } model
                ? TypeRef.Named(model.Namespace, model.Name, model.Kind)
                : null,
            _ => Use(target, named.Schema, name), // an alias: uses see the underlying type
        };
        _resolving.Remove((file, name));
        _resolved[(file, name)] = result;
        return result;
    }

    private static TypeModelKind KindOf(SchemaShape shape) => shape switch
    {
        SchemaShape.Enum => TypeModelKind.Enum,
        SchemaShape.OneOf => TypeModelKind.Union,
        _ => TypeModelKind.Object,
    };

    /// <summary>The type of a value described by <paramref name="schema"/>; inline objects, enums and unions become types named <paramref name="inlineName"/>.</summary>
    public TypeRef? Use(SchemaDocument document, SchemaDef schema, string inlineName)
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
                    _diagnostics.Fail(document, JuheDiagnostics.BinaryStringInJson, schema.Position);
                    return null;
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
                type = DefineType(document, name, schema, schema.Position) is { } model ? TypeRef.Named(model.Namespace, model.Name, model.Kind) : null;
                break;
        }

        return type is null ? null : schema.Nullable && !type.Nullable ? type with { Nullable = true } : type;
    }

    private TypeModel? DefineType(SchemaDocument document, string name, SchemaDef schema, TextPosition position)
    {
        if (_typeOrigins.TryGetValue(name, out string? origin))
        {
            _diagnostics.Fail(document, JuheDiagnostics.DuplicateTypeName, position, name, _forms.ContainsKey(name) ? FormUsedAsJson(origin) : origin);
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
            _nameByFullName[model.FullName] = name;
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
                _diagnostics.Fail(document, JuheDiagnostics.DuplicateMemberName, property.Position, property.JsonName, other, memberName, name);
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
            ? new TypeModel { Kind = TypeModelKind.Object, Namespace = document.Namespace, Name = name, Description = schema.Description, Properties = properties.ToEquatableArray() }
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
                _diagnostics.Fail(document, JuheDiagnostics.DuplicateMemberName, schema.Position, value, other, memberName, name);
                return null;
            }

            names.Add(memberName, value);
            members.Add(new EnumMemberModel(memberName, value));
        }

        return new TypeModel { Kind = TypeModelKind.Enum, Namespace = document.Namespace, Name = name, Description = schema.Description, EnumMembers = members.ToEquatableArray() };
    }

}
