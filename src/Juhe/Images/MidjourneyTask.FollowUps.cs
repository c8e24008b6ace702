using System.Diagnostics.CodeAnalysis;

namespace Juhe.Midjourney;

// A finished task's buttons as follow-up actions: find one, turn it into the Action request.
public sealed partial class MidjourneyTask
{
    /// <summary>Finds the button labelled <paramref name="label"/> (such as <c>U1</c> or <c>V3</c>, compared ordinally).</summary>
    /// <param name="label">The button's label.</param>
    /// <param name="button">The button, when found.</param>
    /// <returns>Whether the task has such a button.</returns>
    public bool TryGetButton(string label, [NotNullWhen(true)] out MidjourneyButton? button)
    {
        ArgumentNullException.ThrowIfNull(label);
        button = Buttons?.FirstOrDefault(b => string.Equals(b.Label, label, StringComparison.Ordinal));
        return button is not null;
    }

    /// <summary>The request that runs <paramref name="button"/> on this task, for <c>ActionAsync</c> (or <c>RunActionAsync</c>).</summary>
    /// <param name="button">One of this task's <see cref="Buttons"/>.</param>
    /// <returns>An action request naming this task and the button's custom id.</returns>
    /// <exception cref="InvalidOperationException">This task has no id, or the button has no custom id.</exception>
    public MidjourneyActionRequest CreateAction(MidjourneyButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (string.IsNullOrEmpty(Id))
        {
            throw new InvalidOperationException("The Midjourney task has no id; fetch it again before running one of its buttons.");
        }

        if (string.IsNullOrEmpty(button.CustomId))
        {
            throw new InvalidOperationException($"The button '{button.Label}' of Midjourney task '{Id}' has no customId to run.");
        }

        return new MidjourneyActionRequest { TaskId = Id, CustomId = button.CustomId };
    }
}
