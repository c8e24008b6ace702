namespace Juhe.Generators.Model;

/// <summary>
/// The parts of a <c>multipart/form-data</c> body: a generated class with a builder and a
/// <c>ToMultipartBody()</c> that adds each part to a <c>JuheMultipartBody</c>. Not JSON-serializable.
/// </summary>
/// <remarks>New members must stay equatable (records, strings, enums, <see cref="EquatableArray{T}"/>).</remarks>
internal sealed record FormModel
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required EquatableArray<FormPartModel> Parts { get; init; }

    /// <summary>The full name of the JSON context, for parts sent as JSON.</summary>
    public required string ContextFullName { get; init; }

    public string FullName => "global::" + Namespace + "." + Name;
}

/// <summary>One part (or, for a list, one repeated part) of a form.</summary>
/// <param name="PartName">The part name on the wire (the JSON name, or <c>x-juhe-part-name</c>).</param>
/// <param name="JsonName">The property's name in the schema, for docs and messages.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">A file, a list of files, a primitive or enum, a list of those, free-form JSON, or an object or union sent as a JSON part.</param>
/// <param name="JsonContextProperty">For an object or union part: its <c>JsonTypeInfo</c> property on the context.</param>
internal sealed record FormPartModel(string PartName, string JsonName, string Name, TypeRef Type, bool Required, string? Description, string? JsonContextProperty);
