using System;
using System.Linq;

namespace Juhe.Generators.Model;

/// <summary>
/// Checks a dotted JSON path of <c>x-juhe-task</c> (<c>data.task_id</c>, <c>data.task_result.videos[].url</c>)
/// against the generated types, so a misspelt member is a build error instead of a null at run time.
/// </summary>
internal static class JsonPathCheck
{
    /// <summary>Why <paramref name="path"/> does not lead anywhere in <paramref name="root"/>, or null when it does (or cannot be checked further).</summary>
    /// <param name="findModel">The generated type a named use refers to.</param>
    public static string? FindProblem(TypeRef root, string path, Func<TypeRef, TypeModel?> findModel)
    {
        TypeRef current = root;
        string? previous = null;
        foreach (string step in path.Split('.'))
        {
            bool intoItems = step.EndsWith("[]", StringComparison.Ordinal);
            string member = intoItems ? step.Substring(0, step.Length - 2) : step;
            if (member.Length == 0)
            {
                return "the path has an empty step";
            }

            // Free-form JSON, dictionaries and unions have no fixed members: the rest cannot be checked.
            if (current.Kind is TypeRefKind.Json or TypeRefKind.Dictionary)
            {
                return null;
            }

            if (current.Kind == TypeRefKind.List)
            {
                return "\"" + previous + "\" is an array: write \"" + previous + "[]\" to step into its items";
            }

            TypeModel? model = current.Kind == TypeRefKind.Named ? findModel(current) : null;
            if (model?.Kind == TypeModelKind.Union)
            {
                return null; // one of the alternatives may have the member
            }

            if (model is null || model.Kind != TypeModelKind.Object)
            {
                return "the value before \"" + member + "\" is not an object";
            }

            PropertyModel? property = model.Properties.FirstOrDefault(p => p.JsonName == member);
            if (property is null)
            {
                return model.Name + " has no member \"" + member + "\"";
            }

            current = property.Type;
            previous = member;
            if (intoItems)
            {
                if (current.Kind != TypeRefKind.List)
                {
                    return "\"" + member + "\" of " + model.Name + " is not an array";
                }

                current = current.Item!;
            }
        }

        return null;
    }
}
