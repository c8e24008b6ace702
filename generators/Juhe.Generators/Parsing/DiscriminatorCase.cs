namespace Juhe.Generators.Parsing;

/// <summary>One entry of a discriminator's <c>mapping</c>: the value that selects the alternative at <see cref="RefText"/>.</summary>
internal sealed record DiscriminatorCase(string Value, string RefFile, string RefName, string RefText, TextPosition Position);
