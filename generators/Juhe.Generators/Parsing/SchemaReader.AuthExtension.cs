using Juhe.Generators.Diagnostics;

namespace Juhe.Generators.Parsing;

// The x-juhe-auth extension, on the document (the default) or on one operation.
internal sealed partial class SchemaReader
{
    private AuthStyle? ReadAuth(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonStringNode { Value: "bearer" }:
                return AuthStyle.Bearer;
            case JsonStringNode { Value: "anthropic" }:
                return AuthStyle.Anthropic;
            case JsonStringNode { Value: "google" }:
                return AuthStyle.Google;
            case JsonStringNode { Value: "system" }:
                return AuthStyle.System;
            case JsonStringNode { Value: "none" }:
                return AuthStyle.None;
        }

        Report(JuheDiagnostics.InvalidAuth, node.Start);
        return null;
    }
}
