using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Juhe.Generators.Model;

/// <summary>How JSON names become C# names.</summary>
internal static class Naming
{
    /// <summary><c>top_p</c> → <c>TopP</c>, <c>owned-by</c> → <c>OwnedBy</c>, <c>gpt-4o</c> → <c>Gpt4o</c>, <c>1024x1024</c> → <c>_1024x1024</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0)
        {
            return "Empty";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary><c>model_id</c> → <c>modelId</c>; C# keywords get an <c>@</c>.</summary>
    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        string camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None
            ? "@" + camel
            : camel;
    }

    /// <summary>The item name of a list property for its <c>Add…</c> method: <c>Messages</c> → <c>Message</c>, <c>Entries</c> → <c>Entry</c>.</summary>
    public static string Singular(string name)
    {
        if (name.EndsWith("ies", System.StringComparison.Ordinal) && name.Length > 3)
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        if ((name.EndsWith("sses", System.StringComparison.Ordinal) || name.EndsWith("xes", System.StringComparison.Ordinal) || name.EndsWith("ches", System.StringComparison.Ordinal)) && name.Length > 4)
        {
            return name.Substring(0, name.Length - 2);
        }

        if (name.EndsWith("s", System.StringComparison.Ordinal) && !name.EndsWith("ss", System.StringComparison.Ordinal) && name.Length > 1)
        {
            return name.Substring(0, name.Length - 1);
        }

        return name + "Item";
    }
}
