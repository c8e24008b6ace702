using Microsoft.CodeAnalysis;

namespace Juhe.Generators.Diagnostics;

/// <summary>
/// Every problem the generator reports: one descriptor per problem, so each can be documented and
/// suppressed on its own. The message format lives here; call sites pass only the names and values
/// that fill it. Each message says what is wrong and how to fix it. New ids continue the numbering
/// and go into AnalyzerReleases.Unshipped.md and the table in README.md.
/// </summary>
internal static class JuheDiagnostics
{
    private const string Category = "Juhe.Schemas";

    // Files and references.
    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "JUHE001",
        "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}. Fix the JSON syntax at this position; nothing is generated from this file until it parses.");

    public static readonly DiagnosticDescriptor UnknownReference = Error(
        "JUHE002",
        "Unknown $ref",
        "The $ref \"{0}\" does not resolve: {1} has no schema named \"{2}\" under components/schemas. Point it at an existing schema, as \"#/components/schemas/Name\" (same file) or \"file.json#/components/schemas/Name\" (another schema file of the project).");

    public static readonly DiagnosticDescriptor UnknownSchemaFile = Error(
        "JUHE034",
        "$ref into a file that is not a schema file",
        "The $ref \"{0}\" does not resolve: no schema file named \"{1}\" is part of the compilation. Add the file to the project's schemas or fix the file name.");

    public static readonly DiagnosticDescriptor ReferenceIntoBrokenFile = Error(
        "JUHE035",
        "$ref into a file with errors",
        "The $ref \"{0}\" points at \"{1}\" in {2}, which has errors of its own; fix those first. Nothing is generated from a file that refers to a broken one.");

    public static readonly DiagnosticDescriptor UnsupportedReferenceForm = Error(
        "JUHE036",
        "$ref form not supported",
        "The $ref \"{0}\" is not supported: only references to \"#/components/schemas/<Name>\" (same file) or \"file.json#/components/schemas/<Name>\" are.");

    public static readonly DiagnosticDescriptor ReferenceCycleWithoutObject = Error(
        "JUHE037",
        "Schema refers to itself without an object in between",
        "The schema \"{0}\" refers to itself without an object in between, so it has no finite C# type. Break the cycle with an object schema.");

    // Names and uniqueness.
    public static readonly DiagnosticDescriptor DuplicateOperationId = Error(
        "JUHE003",
        "Duplicate operationId",
        "The operationId \"{0}\" is already used in {1}. Every operationId must be unique across all schema files of the project; rename one of them.");

    public static readonly DiagnosticDescriptor DuplicateTypeName = Error(
        "JUHE004",
        "Duplicate type name",
        "The type name \"{0}\" is already generated from {1}. Type names must be unique across all schema files of the project; rename one schema or give it \"x-juhe-name\".");

    public static readonly DiagnosticDescriptor DuplicateMemberName = Error(
        "JUHE012",
        "Two members get the same C# name",
        "\"{0}\" and \"{1}\" both become the C# member \"{2}\" of {3}. Give one of them \"x-juhe-name\".");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "JUHE014",
        "Name is not a C# identifier",
        "The \"{0}\" value \"{1}\" is not a C# identifier. Use letters, digits and underscores, not starting with a digit.");

    public static readonly DiagnosticDescriptor InvalidNamespace = Error(
        "JUHE015",
        "x-juhe-namespace is not a C# namespace",
        "\"{0}\" is not a valid C# namespace for \"x-juhe-namespace\". Use dot-separated identifiers such as \"My.Company.Gateway\".");

    public static readonly DiagnosticDescriptor InvalidSchemaName = Error(
        "JUHE016",
        "Schema name is not a PascalCase identifier",
        "The schema name \"{0}\" is not a PascalCase C# identifier; component names are the generated type names. Rename it, e.g. to \"{1}\".");

    // Schema forms.
    public static readonly DiagnosticDescriptor UnsupportedKeyword = Error(
        "JUHE005",
        "Schema keyword not supported",
        "\"{0}\" in {1} is not supported by the Juhe schema format: {2}");

    public static readonly DiagnosticDescriptor MissingMember = Error(
        "JUHE006",
        "Required schema member missing",
        "{0} has no \"{1}\": {2}");

    public static readonly DiagnosticDescriptor WrongValueKind = Error(
        "JUHE008",
        "Value of the wrong kind",
        "{0} must be {1}, not {2}. Fix the value at this position.");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "JUHE017",
        "Unknown schema type",
        "The type \"{0}\" in {1} is not supported. Use object, array, string, integer, number or boolean.");

    public static readonly DiagnosticDescriptor MultipleTypes = Error(
        "JUHE018",
        "Type list with several non-null types",
        "The \"type\" list in {0} has more than one non-null type. Use [\"T\", \"null\"] for a nullable value, or \"oneOf\" for a union.");

    public static readonly DiagnosticDescriptor NullOnlySchema = Error(
        "JUHE019",
        "Schema that can only be null",
        "{0} can only be null. Give the value a type: null is only meaningful as [\"T\", \"null\"] or as one alternative of \"oneOf\".");

    public static readonly DiagnosticDescriptor NonStringEnumValue = Error(
        "JUHE020",
        "Enum value that is not a string",
        "A non-string value in the \"enum\" of {0} is not supported: enums are string enums. Describe numeric codes as \"integer\".");

    public static readonly DiagnosticDescriptor EnumNamesCountMismatch = Error(
        "JUHE021",
        "x-juhe-enum-names does not match the enum",
        "\"x-juhe-enum-names\" has {0} names for {1} enum values in {2}. Give one name per value, in the same order.");

    public static readonly DiagnosticDescriptor RequiredNotAProperty = Error(
        "JUHE022",
        "required names a member that is not a property",
        "\"required\" in {0} names \"{1}\", which is not one of its properties. Add the property or remove the name.");

    public static readonly DiagnosticDescriptor BinaryStringInJson = Error(
        "JUHE023",
        "Binary string in a JSON schema",
        "A string with \"format\": \"binary\" cannot be sent or read as JSON. Binary parts belong to the schema of a multipart/form-data body; use a plain string (e.g. base64) in JSON schemas.");

    // Unions.
    public static readonly DiagnosticDescriptor NestedUnion = Error(
        "JUHE024",
        "Union alternative that is itself a union",
        "An alternative of the union {0} is itself a union. List the inner alternatives in the outer \"oneOf\".");

    public static readonly DiagnosticDescriptor DiscriminatedAlternativeNotObject = Error(
        "JUHE025",
        "Discriminated union alternative that is not an object $ref",
        "An alternative of the discriminated union {0} is not a $ref to an object schema. Make every alternative a $ref to an object that has the \"{1}\" property.");

    public static readonly DiagnosticDescriptor AmbiguousUnion = Error(
        "JUHE026",
        "Union alternatives that read the same JSON",
        "The union {0} has two alternatives ({1} and {2}) read from the same kind of JSON value ({3}), so a value cannot be told apart. Add a \"discriminator\" or merge the alternatives.");

    public static readonly DiagnosticDescriptor DiscriminatorMappingNotAnAlternative = Error(
        "JUHE027",
        "Discriminator mapping to a schema outside oneOf",
        "The discriminator maps \"{0}\" to \"{1}\", which is not one of the \"oneOf\" alternatives. Add it to \"oneOf\" or fix the mapping.");

    // Paths, operations and parameters.
    public static readonly DiagnosticDescriptor PathParameterNotInTemplate = Error(
        "JUHE007",
        "Path parameter not in the path template",
        "The path parameter \"{0}\" does not appear as {{{0}}} in the path \"{1}\". Add the placeholder to the path or change the parameter's \"in\".");

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Error(
        "JUHE009",
        "Path placeholder without a parameter",
        "The path \"{0}\" has the placeholder {{{1}}} but the operation declares no path parameter named \"{1}\". Add {{ \"name\": \"{1}\", \"in\": \"path\", \"required\": true, \"schema\": {{ \"type\": \"string\" }} }} to its parameters.");

    public static readonly DiagnosticDescriptor InvalidPath = Error(
        "JUHE028",
        "Path that is not a path template",
        "The path \"{0}\" is not a path template: {1}. Paths start with '/' and write each parameter as {{name}}.");

    public static readonly DiagnosticDescriptor PathLevelParameters = Error(
        "JUHE029",
        "Path-level parameters",
        "Path-level \"parameters\" are not supported. Declare the parameters on each operation instead.");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "JUHE030",
        "Parameter type not supported",
        "The parameter \"{0}\" is {1}. Parameters are strings, integers, numbers, booleans or a $ref to a string enum.");

    public static readonly DiagnosticDescriptor ParameterReference = Error(
        "JUHE043",
        "Parameter $ref",
        "A parameter \"$ref\" is not supported. Declare the parameter inline.");

    public static readonly DiagnosticDescriptor InvalidParameterLocation = Error(
        "JUHE044",
        "Unknown parameter location",
        "\"in\" is \"{0}\". Use \"path\", \"query\" or \"header\".");

    public static readonly DiagnosticDescriptor InvalidAuth = Error(
        "JUHE032",
        "Unknown x-juhe-auth",
        "\"x-juhe-auth\" must be one of bearer, anthropic, google, system or none.");

    public static readonly DiagnosticDescriptor UnsupportedMediaType = Error(
        "JUHE033",
        "Media type not supported",
        "The {0} media type \"{1}\" is not supported. Use {2}.");

    public static readonly DiagnosticDescriptor InlineOperationSchema = Error(
        "JUHE038",
        "Inline request body or response schema",
        "An inline {0} schema has no type name. Make the {0} a \"$ref\" to a schema in \"components/schemas\".");

    public static readonly DiagnosticDescriptor RequestBodyNotObject = Error(
        "JUHE039",
        "Request body that is not an object",
        "The request body \"{0}\" is not an object schema. Make the body an object schema with properties.");

    public static readonly DiagnosticDescriptor ResponseNotNamedType = Error(
        "JUHE040",
        "Response that is not an object, enum or union",
        "The response \"{0}\" is not an object, enum or union schema. Wrap the value in an object schema.");

    public static readonly DiagnosticDescriptor OperationNotGenerated = new(
        "JUHE010",
        "Operation not generated yet",
        "The operation \"{0}\" is not generated: {1}. Its types are still generated; call it through JuheClient.SendAsync for now.",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor JuheClientNotFound = Error(
        "JUHE011",
        "Juhe.Http.JuheClient not found",
        "The schemas declare operations, but the compilation cannot see Juhe.Http.JuheClient. Reference the Juhe library (or remove the \"paths\") to get the generated clients.");

    // Extensions.
    public static readonly DiagnosticDescriptor UnknownTaskOperation = Error(
        "JUHE013",
        "x-juhe-task names an unknown operation",
        "The x-juhe-task of \"{0}\" polls with \"{1}\", but no operation has that operationId. Name the operationId of the poll operation.");

    public static readonly DiagnosticDescriptor TaskPathNotInResponse = Error(
        "JUHE045",
        "x-juhe-task path not in the response",
        "The x-juhe-task of \"{0}\" reads \"{1}\" from {2}, but {3}. Fix the path: JSON member names joined with '.', with \"[]\" after an array member to step into its items.");

    public static readonly DiagnosticDescriptor UnknownStreamKind = Error(
        "JUHE041",
        "Unknown x-juhe-stream",
        "\"x-juhe-stream\" is \"{0}\". Use \"chat-completions\", \"completions\" or \"sse\".");

    public static readonly DiagnosticDescriptor InvalidStreamFlag = Error(
        "JUHE042",
        "x-juhe-stream-flag is not a boolean body property",
        "\"x-juhe-stream-flag\" of {0} names \"{1}\", which is not a boolean property of {2}. Name the body's boolean member that asks for a stream.");

    public static readonly DiagnosticDescriptor InvalidEnvelope = Error(
        "JUHE046",
        "Unknown x-juhe-envelope",
        "\"x-juhe-envelope\" is \"{0}\". Use \"management\", \"midjourney\", \"task-code\" or \"none\".");

    public static readonly DiagnosticDescriptor PathExtensionOnOtherParameter = Error(
        "JUHE047",
        "Path extension on a parameter that is not in the path",
        "The parameter \"{0}\" has \"{1}\", which only path parameters may have. Remove it or make the parameter \"in\": \"path\".");

    public static readonly DiagnosticDescriptor OptionalPrefixNotFirst = Error(
        "JUHE048",
        "Optional path prefix that is not the first segment",
        "The parameter \"{0}\" has \"x-juhe-optional-prefix\", but the path \"{1}\" does not start with \"/{{{0}}}/\". Only a whole first segment can be left out; move the placeholder or drop the extension.");

    public static readonly DiagnosticDescriptor UnsupportedPartType = Error(
        "JUHE049",
        "Multipart part that cannot be sent",
        "The part \"{0}\" of the multipart form {1} is {2}, which cannot be sent as a form field. Parts are files (string, format binary), arrays of files, strings, numbers, booleans, enums, arrays of those, or objects (sent as JSON).");

    public static readonly DiagnosticDescriptor TaskPathWrongType = Error(
        "JUHE050",
        "x-juhe-task path of the wrong type",
        "The x-juhe-task of \"{0}\" reads its {1} from \"{2}\", {3}. Point the path at such a member.");

    public static readonly DiagnosticDescriptor UnusablePollOperation = Error(
        "JUHE051",
        "x-juhe-task poll operation that cannot poll",
        "The x-juhe-task of \"{0}\" polls with \"{1}\", but {2}. The poll operation must be a GET on the same x-juhe-client with one required parameter (the task id), no body and a JSON answer.");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "JUHE099",
        "Juhe generator failed",
        "The Juhe generator failed on this input ({0}). Please report this with the schema file; nothing was generated from it.");

    /// <summary>Every descriptor, for <see cref="Find"/>. A test checks that no field is missing.</summary>
    internal static readonly DiagnosticDescriptor[] All =
    [
        InvalidJson, UnknownReference, DuplicateOperationId, DuplicateTypeName, UnsupportedKeyword, MissingMember,
        PathParameterNotInTemplate, WrongValueKind, PlaceholderWithoutParameter, OperationNotGenerated, JuheClientNotFound,
        DuplicateMemberName, UnknownTaskOperation, InvalidIdentifier, InvalidNamespace, InvalidSchemaName, UnknownType,
        MultipleTypes, NullOnlySchema, NonStringEnumValue, EnumNamesCountMismatch, RequiredNotAProperty, BinaryStringInJson,
        NestedUnion, DiscriminatedAlternativeNotObject, AmbiguousUnion, DiscriminatorMappingNotAnAlternative, InvalidPath,
        PathLevelParameters, UnsupportedParameterType, ParameterReference, InvalidParameterLocation, InvalidAuth, UnsupportedMediaType, UnknownSchemaFile,
        ReferenceIntoBrokenFile, UnsupportedReferenceForm, ReferenceCycleWithoutObject, InlineOperationSchema,
        RequestBodyNotObject, ResponseNotNamedType, UnknownStreamKind, InvalidStreamFlag, TaskPathNotInResponse,
        InvalidEnvelope, PathExtensionOnOtherParameter, OptionalPrefixNotFirst, UnsupportedPartType, TaskPathWrongType, UnusablePollOperation, InternalError,
    ];

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (DiagnosticDescriptor descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return InternalError;
    }

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
