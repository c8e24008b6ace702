using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Juhe.Generators.Diagnostics;
using Juhe.Generators.Parsing;

namespace Juhe.Generators.Model;

/// <summary>
/// Combines every parsed schema file of the compilation into the C# model: types through a
/// <see cref="TypeResolver"/>, operations through an <see cref="OperationBuilder"/>, grouped into
/// clients. A file with any error contributes nothing, and neither does a file that depends on it.
/// </summary>
internal sealed class ModelBuilder
{
    private readonly ImmutableArray<SchemaDocument> _documents;
    private readonly HostModel _host;
    private readonly Dictionary<string, SchemaDocument> _byFileName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _broken = new(StringComparer.Ordinal);

    private ModelBuilder(ImmutableArray<SchemaDocument> documents, HostModel host)
    {
        _documents = documents.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        _host = host;
        foreach (SchemaDocument document in _documents)
        {
            if (!_byFileName.ContainsKey(document.FileName))
            {
                _byFileName.Add(document.FileName, document);
            }

            if (document.HasErrors)
            {
                _broken.Add(document.FileName);
            }
        }
    }

    public static GenerationModel Build(ImmutableArray<SchemaDocument> documents, HostModel host)
        => new ModelBuilder(documents, host).Build();

    /// <summary>The files that generate: no errors of their own, not shadowed by a file of the same name.</summary>
    private IEnumerable<SchemaDocument> Good => _documents.Where(d => !_broken.Contains(d.FileName) && _byFileName[d.FileName] == d);

    private GenerationModel Build()
    {
        var kept = new List<DiagnosticInfo>();
        CheckDuplicateOperationIds(kept);
        Pass pass;
        while (true)
        {
            pass = RunPass();
            if (pass.Diagnostics.FailedFiles.Count == 0)
            {
                break;
            }

            // Keep what the failing files said about themselves, drop them, and try again: the
            // files that referenced them will now report that instead of generating half a model.
            IReadOnlyCollection<string> failed = pass.Diagnostics.FailedFiles;
            kept.AddRange(pass.Diagnostics.Items.Where(d => failed.Contains(SchemaReader.FileNameOf(d.FilePath))));
            _broken.UnionWith(failed);
        }

        MarkRequestBodies(pass.Types);
        kept.AddRange(pass.Diagnostics.Items);
        List<ClientModel> clients = pass.Clients;
        if (clients.Count > 0 && !_host.SeesJuheClient)
        {
            kept.Add(DiagnosticInfo.Create(JuheDiagnostics.JuheClientNotFound, string.Empty, default));
            clients.Clear();
        }

        TypeModel[] types = pass.Types.Types.Values.OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToArray();
        return new GenerationModel
        {
            Types = types.ToEquatableArray(),
            Clients = clients.ToEquatableArray(),
            Forms = pass.Types.Forms.Values.OrderBy(f => f.Namespace, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray(),
            Context = ContextModelBuilder.Build(_host, types),
            DeclaresJuheClient = _host.DeclaresJuheClient,
            Diagnostics = kept.ToEquatableArray(),
        };
    }

    private void CheckDuplicateOperationIds(List<DiagnosticInfo> diagnostics)
    {
        var seen = new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
        foreach (SchemaDocument document in _documents.Where(d => !_broken.Contains(d.FileName)))
        {
            foreach (OperationDef operation in document.Operations)
            {
                if (seen.TryGetValue(operation.OperationId, out SchemaDocument? first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(JuheDiagnostics.DuplicateOperationId, document.FilePath, operation.Position, operation.OperationId, first.FileName));
                    _broken.Add(document.FileName);
                }
                else
                {
                    seen.Add(operation.OperationId, document);
                }
            }
        }
    }

    /// <summary>One attempt at the whole model over the files not yet known to be broken.</summary>
    private Pass RunPass()
    {
        var diagnostics = new ModelDiagnostics();
        var types = new TypeResolver(_byFileName, _broken, diagnostics);
        HashSet<(string File, string Name)> forms = FormSchemas();
        foreach (SchemaDocument document in Good)
        {
            foreach (NamedSchema schema in document.Schemas)
            {
                // A multipart form is defined by its operation: its files are not JSON.
                if (!forms.Contains((document.FileName, schema.Name)))
                {
                    types.Resolve(document, document.FileName, schema.Name, schema.Position);
                }
            }
        }

        // operationIds are unique across good files (CheckDuplicateOperationIds broke the others).
        var byOperationId = Good
            .SelectMany(d => d.Operations.Select(o => (Document: d, Operation: o)))
            .ToDictionary(pair => pair.Operation.OperationId, StringComparer.Ordinal);
        var operations = new OperationBuilder(types, _host, diagnostics, byOperationId);
        return new Pass(diagnostics, types, BuildClients(operations, diagnostics));
    }

    /// <summary>The schemas named by a multipart request body.</summary>
    private HashSet<(string File, string Name)> FormSchemas()
    {
        var forms = new HashSet<(string File, string Name)>();
        foreach (SchemaDocument document in Good)
        {
            foreach (OperationDef operation in document.Operations)
            {
                if (operation.Body is RequestBodyDef.Multipart { Parts: { RefFile: { } file, RefName: { } name } })
                {
                    forms.Add((file, name));
                }
            }
        }

        return forms;
    }

    private List<ClientModel> BuildClients(OperationBuilder builder, ModelDiagnostics diagnostics)
    {
        var operationsByClient = new Dictionary<string, (string Namespace, List<OperationModel> Operations)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (SchemaDocument document in Good)
        {
            foreach (OperationDef operation in document.Operations)
            {
                builder.CheckTask(document, operation);
                OperationModel? model = builder.TryBuild(document, operation);
                if (model is null)
                {
                    continue;
                }

                string clientName = operation.Client + "Client";
                if (!operationsByClient.TryGetValue(clientName, out var client))
                {
                    client = (document.Namespace, []);
                    operationsByClient.Add(clientName, client);
                    order.Add(clientName);
                }

                if (client.Operations.Any(o => MethodNamesClash(o, model)))
                {
                    diagnostics.Fail(document, JuheDiagnostics.DuplicateMemberName, operation.Position, operation.OperationId, "another operation", model.MethodName, clientName);
                    continue;
                }

                client.Operations.Add(model);
            }
        }

        string contextFullName = "global::" + _host.ContextNamespace + "." + _host.ContextName;
        return order
            .Select(name => new ClientModel
            {
                Namespace = operationsByClient[name].Namespace,
                Name = name,
                AccessorName = AccessorNameOf(name),
                ContextFullName = contextFullName,
                Operations = operationsByClient[name].Operations.ToEquatableArray(),
            })
            .ToList();

        static string AccessorNameOf(string clientName) => clientName.Substring(0, clientName.Length - "Client".Length);
    }

    /// <summary>Whether two operations of one client would declare a method of the same name.</summary>
    private static bool MethodNamesClash(OperationModel existing, OperationModel added)
        => existing.MethodNames.Intersect(added.MethodNames, StringComparer.Ordinal).Any();

    /// <summary>Objects sent as a JSON body get a builder (multipart forms get theirs from the form emitter).</summary>
    private void MarkRequestBodies(TypeResolver types)
    {
        foreach (SchemaDocument document in Good)
        {
            foreach (OperationDef operation in document.Operations)
            {
                SchemaDef? bodySchema = operation.Body is RequestBodyDef.Json json ? json.Schema : null;
                if (bodySchema is { RefName: { } bodyName })
                {
                    types.MarkRequestBody(bodyName);
                }
            }
        }
    }

    private sealed record Pass(ModelDiagnostics Diagnostics, TypeResolver Types, List<ClientModel> Clients);
}
