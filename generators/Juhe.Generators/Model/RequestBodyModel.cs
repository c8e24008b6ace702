namespace Juhe.Generators.Model;

/// <summary>What a generated method sends: nothing or a JSON body. A closed family.</summary>
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
}
