using System;
using System.Collections.Generic;
using System.Linq;
using Juhe.Generators.Emitting;

namespace Juhe.Generators.Model;

/// <summary>
/// Resolves a dotted JSON path of <c>x-juhe-task</c> (<c>data.task_id</c>, <c>data.task_result.videos[].url</c>)
/// against the generated types, so a misspelt member is a build error instead of a null at run
/// time, and the describe function can read typed members.
/// </summary>
internal static class JsonPathCheck
{
    /// <summary>The members <paramref name="path"/> reads in <paramref name="root"/>, or why it does not lead anywhere.</summary>
    /// <param name="findModel">The generated type a named use refers to.</param>
    /// <param name="problem">Why the path cannot be read, when the method returns null.</param>
    public static TaskPath? Resolve(TypeRef root, string path, Func<TypeRef, TypeModel?> findModel, out string? problem)
    {
        TypeRef current = root;
        string? previous = null;
        var steps = new List<TaskPathStep>();
        bool lastNullable = false;
        foreach (string step in path.Split('.'))
        {
            bool intoItems = step.EndsWith("[]", StringComparison.Ordinal);
            string member = intoItems ? step.Substring(0, step.Length - 2) : step;
            if (member.Length == 0)
            {
                problem = "the path has an empty step";
                return null;
            }

            if (current.Kind == TypeRefKind.List)
            {
                problem = "\"" + previous + "\" is an array: write \"" + previous + "[]\" to step into its items";
                return null;
            }

            TypeModel? model = current.Kind == TypeRefKind.Named ? findModel(current) : null;
            if (model is null || model.Kind != TypeModelKind.Object)
            {
                // Free-form JSON, dictionaries and unions have no members generated code could read.
                string what = current.Kind is TypeRefKind.Json or TypeRefKind.Dictionary ? "free-form JSON"
                    : model?.Kind == TypeModelKind.Union ? "a union" : "not an object";
                problem = "the value before \"" + member + "\" is " + what + ", so \"" + member + "\" cannot be read from it";
                return null;
            }

            PropertyModel? property = model.Properties.FirstOrDefault(p => p.JsonName == member);
            if (property is null)
            {
                problem = model.Name + " has no member \"" + member + "\"";
                return null;
            }

            current = property.Type;
            lastNullable = TypeNames.PropertyType(property).Nullable;
            previous = member;
            if (intoItems)
            {
                if (current.Kind != TypeRefKind.List)
                {
                    problem = "\"" + member + "\" of " + model.Name + " is not an array";
                    return null;
                }

                current = current.Item!;
            }

            steps.Add(new TaskPathStep(property.Name, intoItems));
        }

        problem = null;
        return new TaskPath(path, steps.ToEquatableArray(), current, steps.Count > 1 || lastNullable || steps[steps.Count - 1].IntoItems);
    }
}
