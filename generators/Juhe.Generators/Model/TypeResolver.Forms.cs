using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

// Multipart forms: object schemas whose binary strings are files and whose other members are form fields.
internal sealed partial class TypeResolver
{
    private readonly Dictionary<string, FormModel> _forms = new(StringComparer.Ordinal);

    /// <summary>Every form defined so far, by name.</summary>
    public IReadOnlyDictionary<string, FormModel> Forms => _forms;

    /// <summary>The form a multipart body's <c>$ref</c> names, defined on first use; null when it cannot be (reported).</summary>
    public FormModel? ResolveForm(SchemaDocument from, SchemaDef parts, string contextFullName)
    {
        if (_forms.TryGetValue(parts.RefName!, out FormModel? done))
        {
            return done;
        }

        if (!_byFileName.TryGetValue(parts.RefFile!, out SchemaDocument? target) || _broken.Contains(parts.RefFile!))
        {
            Resolve(from, parts.RefFile!, parts.RefName!, parts.Position, parts.RefText); // reports why
            return null;
        }

        NamedSchema? named = target.Schemas.FirstOrDefault(s => s.Name == parts.RefName);
        if (named is null)
        {
            _diagnostics.Fail(from, JuheDiagnostics.UnknownReference, parts.Position, parts.RefText!, parts.RefFile!, parts.RefName!);
            return null;
        }

        if (named.Schema.Shape != SchemaShape.Object)
        {
            _diagnostics.Fail(from, JuheDiagnostics.RequestBodyNotObject, parts.Position, parts.RefText!);
            return null;
        }

        if (_typeOrigins.TryGetValue(named.Name, out string? origin))
        {
            // Usually the same schema is also used as JSON somewhere: a form (with its files) cannot be.
            string where = _types.ContainsKey(named.Name) ? FormUsedAsJson(origin) : origin;
            _diagnostics.Fail(target, JuheDiagnostics.DuplicateTypeName, named.Position, named.Name, where);
            return null;
        }

        _typeOrigins.Add(named.Name, target.FileName);
        var formParts = new List<FormPartModel>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool ok = true;
        foreach (PropertyDef property in named.Schema.Properties)
        {
            string memberName = property.CSharpName ?? Naming.ToPascalCase(property.JsonName);
            if (memberName == named.Name || memberName == "ToMultipartBody")
            {
                memberName += "Value";
            }

            if (!names.Add(memberName))
            {
                _diagnostics.Fail(target, JuheDiagnostics.DuplicateMemberName, property.Position, property.JsonName, "another part", memberName, named.Name);
                ok = false;
                continue;
            }

            FormPartModel? part = DefinePart(target, named.Name, memberName, property);
            if (part is null)
            {
                ok = false;
                continue;
            }

            formParts.Add(part);
        }

        if (!ok)
        {
            return null;
        }

        var form = new FormModel
        {
            Namespace = target.Namespace,
            Name = named.Name,
            Description = named.Schema.Description,
            Parts = formParts.ToEquatableArray(),
            ContextFullName = contextFullName,
        };
        _forms.Add(named.Name, form);
        return form;
    }

    private FormPartModel? DefinePart(SchemaDocument document, string formName, string memberName, PropertyDef property)
    {
        SchemaDef schema = property.Schema;
        string partName = property.PartName ?? property.JsonName;
        if (IsBinary(schema))
        {
            return new FormPartModel(partName, property.JsonName, memberName, new TypeRef(TypeRefKind.File, schema.Nullable), property.Required, schema.Description, null);
        }

        if (schema.Shape == SchemaShape.Array && IsBinary(schema.Items!))
        {
            return new FormPartModel(partName, property.JsonName, memberName, new TypeRef(TypeRefKind.List, schema.Nullable, Item: new TypeRef(TypeRefKind.File)), property.Required, schema.Description, null);
        }

        TypeRef? type = Use(document, schema, formName + memberName);
        if (type is null)
        {
            return null;
        }

        string? contextProperty = null;
        string? unsupported = null;
        switch (type.Kind)
        {
            case TypeRefKind.Named when type.NamedKind != TypeModelKind.Enum:
                contextProperty = TryGetModel(type, out TypeModel model) ? ContextModelBuilder.PropertyName(model.Name) : null;
                unsupported = contextProperty is null ? "a type that is not generated" : null;
                break;
            case TypeRefKind.List when type.Item!.Kind is TypeRefKind.List or TypeRefKind.Dictionary or TypeRefKind.Json
                || (type.Item.Kind == TypeRefKind.Named && type.Item.NamedKind != TypeModelKind.Enum):
                unsupported = "an array of objects, arrays or free-form JSON";
                break;
            case TypeRefKind.Dictionary:
                unsupported = "a dictionary";
                break;
        }

        if (unsupported is not null)
        {
            _diagnostics.Fail(document, JuheDiagnostics.UnsupportedPartType, property.Position, property.JsonName, formName, unsupported);
            return null;
        }

        return new FormPartModel(partName, property.JsonName, memberName, type, property.Required, schema.Description, contextProperty);
    }

    private static string FormUsedAsJson(string origin)
        => origin + " as a multipart form; a multipart form's schema cannot also be used as JSON (give the form a schema of its own)";

    private static bool IsBinary(SchemaDef schema) => schema.Shape == SchemaShape.String && schema.Format == "binary";
}
