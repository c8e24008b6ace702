using Juhe.Generators.Model;

namespace Juhe.Generators.Emitting;

/// <summary>Emits the <c>partial class JuheClient</c> with one cached property per family client (the Juhe library only).</summary>
internal static class AccessorEmitter
{
    public static string Emit(EquatableArray<ClientModel> clients)
    {
        var w = new CodeWriter();
        w.Line("namespace Juhe.Http;");
        w.Line();
        w.Open("partial class JuheClient");
        foreach (ClientModel client in clients)
        {
            w.Line("private " + client.FullName + "? " + FieldName(client) + ";");
        }

        foreach (ClientModel client in clients)
        {
            w.Line();
            w.Summary("The <c>" + client.AccessorName + "</c> operations of the gateway.");
            w.GeneratedCode(); // on the property: JuheClient itself is hand-written
            w.Line("public " + client.FullName + " " + client.AccessorName + " => " + FieldName(client) + " ??= new " + client.FullName + "(this);");
        }

        w.Close();
        return w.ToString();
    }

    private static string FieldName(ClientModel client) => "_" + Naming.ToCamelCase(client.AccessorName).TrimStart('@');
}
