namespace Juhe.Generators.Model;

/// <summary>What a generated method sends: nothing, a JSON body or a multipart form. A closed family.</summary>
internal abstract record RequestBodyModel
{
    private RequestBodyModel()
    {
    }

    public static RequestBodyModel None { get; } = new NoBody();

    /// <summary>No request body.</summary>
    public sealed record NoBody : RequestBodyModel;

    /// <summary>A JSON body.</summary>
    /// <param name="Type">The body's object type.</param>
    /// <param name="ContextProperty">Its <c>JsonTypeInfo</c> property on the JSON context.</param>
    /// <param name="ParameterName">The method parameter holding it (<c>request</c>, or <c>body</c> when a parameter is named <c>request</c>).</param>
    public sealed record Json(TypeRef Type, string ContextProperty, string ParameterName) : RequestBodyModel;

    /// <summary>A <c>multipart/form-data</c> body: a generated form type that turns itself into a <c>JuheMultipartBody</c>.</summary>
    /// <param name="Type">The form type (<see cref="TypeModelKind.Form"/>).</param>
    /// <param name="ParameterName">The method parameter holding it.</param>
    public sealed record Multipart(TypeRef Type, string ParameterName) : RequestBodyModel;
}
