namespace Juhe.Generators.Model;

/// <summary>
/// An <c>x-juhe-task</c> path resolved against the generated types: the C# members to read, in
/// order, and the type found at the end, so the describe function reads typed members (null-safe)
/// instead of walking JSON.
/// </summary>
/// <param name="Text">The path as written, for messages.</param>
/// <param name="Steps">The members read, from the payload on.</param>
/// <param name="Leaf">The type of the value at the end (an array's item type after a final <c>[]</c>).</param>
/// <param name="LeafNullable">Whether the C# expression of the whole chain can be null.</param>
internal sealed record TaskPath(string Text, EquatableArray<TaskPathStep> Steps, TypeRef Leaf, bool LeafNullable)
{
    /// <summary>Whether some step walks into an array's items.</summary>
    public bool HasArrays
    {
        get
        {
            foreach (TaskPathStep step in Steps)
            {
                if (step.IntoItems)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>One member of a <see cref="TaskPath"/>.</summary>
/// <param name="Member">The C# property name.</param>
/// <param name="IntoItems">Whether the path steps into the items of this member (<c>videos[]</c>).</param>
internal sealed record TaskPathStep(string Member, bool IntoItems);
