using System;
using System.Collections.Immutable;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Emitting;
using Juhe.Generators.Model;
using Juhe.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Juhe.Generators;

/// <summary>
/// Generates DTOs, JSON converters, the JSON context, request builders and typed clients from the
/// OpenAPI-subset schema files passed as AdditionalFiles (<c>Schemas/*.json</c>, or any file with
/// the item metadata <c>JuheSchema="true"</c>).
/// </summary>
/// <remarks>
/// Pipeline: each file is parsed on its own (Parse), all documents are combined into one model
/// (Model), and each type, client and the context are emitted from their own slice of the model,
/// so an edit reruns only what depends on it. Every stage is pure and every value equatable.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class JuheSchemaGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        public const string SchemaFiles = "Juhe.SchemaFiles";
        public const string Parse = "Juhe.Parse";
        public const string Documents = "Juhe.Documents";
        public const string Host = "Juhe.Host";
        public const string Model = "Juhe.Model";
        public const string Types = "Juhe.Types";
        public const string Clients = "Juhe.Clients";
        public const string Forms = "Juhe.Forms";
        public const string Context = "Juhe.Context";
        public const string Accessors = "Juhe.Accessors";
        public const string ModelDiagnostics = "Juhe.ModelDiagnostics";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<AdditionalText> schemaFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSchemaFile(pair.Left, pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(Steps.SchemaFiles);

        IncrementalValuesProvider<SchemaDocument> documents = schemaFiles
            .Select(static (file, cancellationToken) => Parse(file, cancellationToken))
            .WithTrackingName(Steps.Parse);

        context.RegisterSourceOutput(documents, static (spc, document) => Report(spc, document.Diagnostics));

        IncrementalValueProvider<HostModel> host = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ReadHost(pair.Left, pair.Right.GlobalOptions))
            .WithTrackingName(Steps.Host);

        IncrementalValueProvider<GenerationModel?> model = documents
            .Collect()
            .WithTrackingName(Steps.Documents)
            .Combine(host)
            .Select(static (pair, _) => BuildModel(pair.Left, pair.Right))
            .WithTrackingName(Steps.Model);

        context.RegisterSourceOutput(
            model.Select(static (m, _) => m?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty).WithTrackingName(Steps.ModelDiagnostics),
            static (spc, diagnostics) => Report(spc, diagnostics));

        IncrementalValuesProvider<TypeModel> types = model
            .SelectMany(static (m, _) => m is null ? ImmutableArray<TypeModel>.Empty : ImmutableArray.CreateRange(m.Types))
            .WithTrackingName(Steps.Types);
        context.RegisterSourceOutput(types, static (spc, type) => EmitType(spc, type));

        IncrementalValuesProvider<FormModel> forms = model
            .SelectMany(static (m, _) => m is null ? ImmutableArray<FormModel>.Empty : ImmutableArray.CreateRange(m.Forms))
            .WithTrackingName(Steps.Forms);
        context.RegisterSourceOutput(forms, static (spc, form) =>
        {
            string prefix = form.Namespace + "." + form.Name;
            spc.AddSource(prefix + ".g.cs", SourceText.From(FormEmitter.EmitForm(form), System.Text.Encoding.UTF8));
            spc.AddSource(prefix + "Builder.g.cs", SourceText.From(FormEmitter.EmitBuilder(form), System.Text.Encoding.UTF8));
        });

        IncrementalValuesProvider<(ClientModel Client, bool DeclaresJuheClient)> clients = model
            .SelectMany(static (m, _) => m is null
                ? ImmutableArray<(ClientModel, bool)>.Empty
                : m.Clients.Select(c => (c, m.DeclaresJuheClient)).ToImmutableArray())
            .WithTrackingName(Steps.Clients);
        context.RegisterSourceOutput(clients, static (spc, client) =>
            spc.AddSource(client.Client.Namespace + "." + client.Client.Name + ".g.cs", SourceText.From(ClientEmitter.Emit(client.Client, client.DeclaresJuheClient), System.Text.Encoding.UTF8)));

        IncrementalValueProvider<ContextModel?> jsonContext = model
            .Select(static (m, _) => m is null || m.Context.Entries.IsEmpty ? null : m.Context)
            .WithTrackingName(Steps.Context);
        context.RegisterSourceOutput(jsonContext, static (spc, ctx) =>
        {
            if (ctx is not null)
            {
                spc.AddSource(ctx.Namespace + "." + ctx.Name + ".g.cs", SourceText.From(ContextEmitter.Emit(ctx), System.Text.Encoding.UTF8));
            }
        });

        IncrementalValueProvider<EquatableArray<ClientModel>> accessors = model
            .Select(static (m, _) => m is not null && m.DeclaresJuheClient ? m.Clients : EquatableArray<ClientModel>.Empty)
            .WithTrackingName(Steps.Accessors);
        context.RegisterSourceOutput(accessors, static (spc, list) =>
        {
            if (!list.IsEmpty)
            {
                spc.AddSource("Juhe.Http.JuheClient.Clients.g.cs", SourceText.From(AccessorEmitter.Emit(list), System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>Schema files are <c>*.json</c> AdditionalFiles in a <c>Schemas</c> folder, or marked with <c>JuheSchema="true"</c>.</summary>
    internal static bool IsSchemaFile(AdditionalText file, AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_metadata.AdditionalFiles.JuheSchema", out string? flag) && flag.Length > 0)
        {
            return string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
        }

        string path = file.Path.Replace('\\', '/');
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int slash = path.LastIndexOf('/');
        int previous = slash <= 0 ? -1 : path.LastIndexOf('/', slash - 1);
        return slash > 0 && string.Equals(path.Substring(previous + 1, slash - previous - 1), "Schemas", StringComparison.OrdinalIgnoreCase);
    }

    private static SchemaDocument Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
            return SchemaReader.Read(file.Path, text);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SchemaDocument
            {
                FilePath = file.Path,
                FileName = SchemaReader.FileNameOf(file.Path),
                Diagnostics = new[] { DiagnosticInfo.Create(JuheDiagnostics.InternalError, file.Path, default, ex.GetType().Name + ": " + ex.Message) }.ToEquatableArray(),
            };
        }
    }

    private static HostModel ReadHost(Compilation compilation, AnalyzerConfigOptions options)
    {
        string contextNamespace, contextName;
        options.TryGetValue("build_property.JuheJsonContextName", out string? configured);
        options.TryGetValue("build_property.RootNamespace", out string? rootNamespace);
        if (string.IsNullOrWhiteSpace(rootNamespace))
        {
            rootNamespace = compilation.AssemblyName ?? "Juhe";
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            contextNamespace = rootNamespace!;
            contextName = "JuheJsonContext";
        }
        else if (configured!.LastIndexOf('.') is int dot and > 0)
        {
            contextNamespace = configured.Substring(0, dot);
            contextName = configured.Substring(dot + 1);
        }
        else
        {
            contextNamespace = rootNamespace!;
            contextName = configured;
        }

        INamedTypeSymbol? juheClient = compilation.GetTypeByMetadataName("Juhe.Http.JuheClient");
        return new HostModel
        {
            ContextNamespace = contextNamespace,
            ContextName = contextName,
            DeclaresJuheClient = compilation.Assembly.GetTypeByMetadataName("Juhe.Http.JuheClient") is not null,
            SeesJuheClient = juheClient is not null,
            VisibleStreamDecoders = new EquatableArray<string>(StreamDecoders.All.Where(name => compilation.GetTypeByMetadataName(name) is not null)),
        };
    }

    private static GenerationModel? BuildModel(ImmutableArray<SchemaDocument> documents, HostModel host)
    {
        if (documents.IsEmpty)
        {
            return null;
        }

        try
        {
            return ModelBuilder.Build(documents, host);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var diagnostic = DiagnosticInfo.Create(JuheDiagnostics.InternalError, string.Empty, default, ex.GetType().Name + ": " + ex.Message);
            return new GenerationModel
            {
                Types = EquatableArray<TypeModel>.Empty,
                Clients = EquatableArray<ClientModel>.Empty,
                Context = new ContextModel(host.ContextNamespace, host.ContextName, EquatableArray<ContextEntry>.Empty),
                DeclaresJuheClient = host.DeclaresJuheClient,
                Diagnostics = new[] { diagnostic }.ToEquatableArray(),
            };
        }
    }

    private static void EmitType(SourceProductionContext context, TypeModel type)
    {
        string prefix = type.Namespace + "." + type.Name;
        try
        {
            string declaration = TypeEmitter.Emit(type);
            string converter = ConverterEmitter.Emit(type);
            string? builder = type.IsRequestBody ? BuilderEmitter.Emit(type) : null;
            context.AddSource(prefix + ".g.cs", SourceText.From(declaration, System.Text.Encoding.UTF8));
            context.AddSource(prefix + "JsonConverter.g.cs", SourceText.From(converter, System.Text.Encoding.UTF8));
            if (builder is not null)
            {
                context.AddSource(prefix + "Builder.g.cs", SourceText.From(builder, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(DiagnosticInfo.Create(JuheDiagnostics.InternalError, string.Empty, default, type.Name + ": " + ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
