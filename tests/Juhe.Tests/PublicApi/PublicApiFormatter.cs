using System.Reflection;
using System.Text;

namespace Juhe.Tests.PublicApi;

/// <summary>
/// Writes an assembly's public surface as sorted C#-like lines, one per type and member, so a
/// change to it shows up as a line diff against the approved file.
/// </summary>
internal static class PublicApiFormatter
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly NullabilityInfoContext Nullability = new();

    public static string Format(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string typeName = Name(type);
            lines.Add(TypeLine(type));
            foreach (MemberInfo member in type.GetMembers(Declared))
            {
                if (Line(member) is { } line)
                {
                    lines.Add(typeName + " :: " + line);
                }
            }
        }

        var text = new StringBuilder();
        foreach (string line in lines.Distinct().Order(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static string TypeLine(Type type)
    {
        string kind = type switch
        {
            { IsEnum: true } => "enum",
            { IsInterface: true } => "interface",
            { IsValueType: true } => type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)) ? "readonly struct" : "struct",
            _ when typeof(Delegate).IsAssignableFrom(type) => "delegate",
            { IsAbstract: true, IsSealed: true } => "static class",
            { IsAbstract: true } => "abstract class",
            { IsSealed: true } => "sealed class",
            _ => "class",
        };
        if (type.IsByRefLike)
        {
            kind = "ref " + kind;
        }

        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type)}" + (bases.Count == 0 ? "" : " : " + string.Join(", ", bases));
    }

    private static string? Line(MemberInfo member) => member switch
    {
        ConstructorInfo c when Visible(c) => $"ctor({Parameters(c)})",
        MethodInfo m when Visible(m) && !m.IsSpecialName => $"{Modifiers(m)}{Type(m.ReturnParameter)} {m.Name}{Generics(m)}({Parameters(m)})",
        MethodInfo m when Visible(m) && m.Name.StartsWith("op_", StringComparison.Ordinal) => $"static {Type(m.ReturnParameter)} {m.Name}({Parameters(m)})",
        PropertyInfo p when Accessors(p) is { Length: > 0 } accessors => $"{(IsStatic(p) ? "static " : "")}{Type(p)} {p.Name} {{ {accessors}}}",
        FieldInfo f when f.IsPublic || f.IsFamily => f.IsLiteral
            ? $"const {Name(f.FieldType)} {f.Name} = {Literal(f.GetRawConstantValue())}"
            : $"{(f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Type(f)} {f.Name}",
        EventInfo e when e.AddMethod is { } add && Visible(add) => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => null,
    };

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsStatic(PropertyInfo p) => (p.GetMethod ?? p.SetMethod)!.IsStatic;

    private static string Accessors(PropertyInfo p)
    {
        var text = new StringBuilder();
        if (p.GetMethod is { } get && Visible(get))
        {
            text.Append("get; ");
        }

        if (p.SetMethod is { } set && Visible(set))
        {
            bool init = set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            text.Append(init ? "init; " : "set; ");
        }

        return text.ToString();
    }

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static " : m.IsAbstract ? "abstract " : m.IsVirtual && !m.IsFinal && m.GetBaseDefinition() == m ? "virtual " : m.GetBaseDefinition() != m ? "override " : "";

    private static string Generics(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
    {
        string prefix = p.ParameterType.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ") : "";
        string text = prefix + Type(p) + " " + p.Name;
        return !p.HasDefaultValue ? text
            : p.RawDefaultValue is null && p.ParameterType.IsValueType ? text + " = default"
            : text + " = " + Literal(p.RawDefaultValue);
    }));

    private static string Type(ParameterInfo p) => Annotated(p.ParameterType, () => Nullability.Create(p));

    private static string Type(PropertyInfo p) => Annotated(p.PropertyType, () => Nullability.Create(p));

    private static string Type(FieldInfo f) => Annotated(f.FieldType, () => Nullability.Create(f));

    private static string Annotated(Type type, Func<NullabilityInfo> nullability)
    {
        string name = Name(type.IsByRef ? type.GetElementType()! : type);
        if (!type.IsValueType && !type.IsByRef && !name.EndsWith('?'))
        {
            try
            {
                if (nullability().ReadState == NullabilityState.Nullable)
                {
                    name += "?";
                }
            }
            catch (InvalidOperationException)
            {
                // Some generic or by-ref shapes have no nullability information: leave them unannotated.
            }
        }

        return name;
    }

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
