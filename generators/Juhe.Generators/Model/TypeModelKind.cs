namespace Juhe.Generators.Model;

/// <summary>The three kinds of generated type.</summary>
internal enum TypeModelKind
{
    Object,
    Enum,
    Union,
}
