using System;
using System.Collections.Generic;
using System.Linq;

namespace Juhe.Generators.Model;

/// <summary>The JSON context's shape: one <c>JsonTypeInfo</c> property per generated type.</summary>
internal static class ContextModelBuilder
{
    /// <summary>Members <c>JsonSerializerContext</c> already has; a type with such a name gets a <c>TypeInfo</c> suffix.</summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
        { "Default", "Options", "GetTypeInfo", "GeneratedSerializerOptions" };

    /// <summary>The name of a type's <c>JsonTypeInfo</c> property on the context.</summary>
    public static string PropertyName(string typeName) => ReservedNames.Contains(typeName) ? typeName + "TypeInfo" : typeName;

    public static ContextModel Build(HostModel host, IEnumerable<TypeModel> types) => new(
        host.ContextNamespace,
        host.ContextName,
        types.OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new ContextEntry(PropertyName(t.Name), t.FullName, t.FullName + "JsonConverter", t.Kind == TypeModelKind.Enum))
            .ToEquatableArray());
}
