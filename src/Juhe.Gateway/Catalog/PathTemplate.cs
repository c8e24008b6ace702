using System.Text;
using System.Text.RegularExpressions;

namespace Juhe.Gateway.Catalog;

/// <summary>
/// A schema path such as <c>/v1beta/models/{model}:generateContent</c> matched against request paths.
/// </summary>
/// <remarks>
/// ASP.NET Core's route templates cannot say everything the schemas say (a parameter spanning
/// several segments that is not the last one, as in <c>/fal-ai/{model_path}/requests/{id}</c>), so
/// each template becomes an anchored regular expression: <c>{name}</c> matches within one segment,
/// a parameter marked <c>"x-juhe-segments": true</c> across segments, everything else literally.
/// </remarks>
internal sealed class PathTemplate
{
    private readonly Regex _regex;
    private readonly string[] _names;

    public PathTemplate(string template, IReadOnlySet<string> multiSegmentParameters)
    {
        Template = template;
        var pattern = new StringBuilder("^");
        var names = new List<string>();
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                AppendLiteral(pattern, template[i..]);
                break;
            }

            int close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new InvalidOperationException($"The path '{template}' has a '{{' without its '}}'.");
            }

            AppendLiteral(pattern, template[i..open]);
            string name = template[(open + 1)..close];
            // Group names are positional (p0, p1…): parameter names may hold characters a group name may not.
            pattern.Append("(?<p").Append(names.Count).Append('>').Append(multiSegmentParameters.Contains(name) ? ".+?" : "[^/]+?").Append(')');
            names.Add(name);
            i = close + 1;
        }

        pattern.Append("/?$");
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _names = [.. names];
    }

    /// <summary>The path as the schema writes it.</summary>
    public string Template { get; }

    /// <summary>The path parameters' names, in order.</summary>
    public IReadOnlyList<string> ParameterNames => _names;

    /// <summary>
    /// How specific the template is: the number of literal characters. When two templates match
    /// one path (<c>/v1/models/{model}</c> and <c>/v1/models/{model}:generateContent</c>), the more
    /// specific one serves it.
    /// </summary>
    public int Specificity { get; private set; }

    /// <summary>Matches a request path, returning its parameters unescaped.</summary>
    public bool TryMatch(string path, out Dictionary<string, string> parameters)
    {
        Match match = _regex.Match(path);
        if (!match.Success)
        {
            parameters = [];
            return false;
        }

        parameters = new Dictionary<string, string>(_names.Length, StringComparer.Ordinal);
        for (int i = 0; i < _names.Length; i++)
        {
            parameters[_names[i]] = Uri.UnescapeDataString(match.Groups["p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)].Value);
        }

        return true;
    }

    private void AppendLiteral(StringBuilder pattern, string literal)
    {
        Specificity += literal.Length;
        pattern.Append(Regex.Escape(literal));
    }
}
