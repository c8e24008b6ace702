using Juhe.Generators.Diagnostics;

namespace Juhe.Generators.Parsing;

// The x-juhe-envelope extension, on the document (the default) or on one operation.
internal sealed partial class SchemaReader
{
    private EnvelopeStyle? ReadEnvelope(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonStringNode { Value: "none" }:
                return EnvelopeStyle.None;
            case JsonStringNode { Value: "management" }:
                return EnvelopeStyle.Management;
            case JsonStringNode { Value: "midjourney" }:
                return EnvelopeStyle.Midjourney;
            case JsonStringNode { Value: "task-code" }:
                return EnvelopeStyle.TaskCode;
        }

        Report(JuheDiagnostics.InvalidEnvelope, node.Start, node is JsonStringNode text ? text.Value : "(not a string)");
        return null;
    }
}
