namespace Juhe.Midjourney;

// The submit code table read once, so callers branch on a name instead of 1 / 21 / 22.
public sealed partial class MidjourneySubmitResult
{
    /// <summary>What <see cref="Code"/> means: submitted, queued, or waiting for a modal.</summary>
    public MidjourneySubmitOutcome Outcome => Code switch
    {
        1 => MidjourneySubmitOutcome.Submitted,
        21 => MidjourneySubmitOutcome.NeedsModal,
        22 => MidjourneySubmitOutcome.Queued,
        _ => MidjourneySubmitOutcome.Failed,
    };

    /// <summary>Whether the task waits for <c>ModalAsync</c> with <see cref="Result"/> as its task id (code 21).</summary>
    public bool NeedsModal => Outcome == MidjourneySubmitOutcome.NeedsModal;

    /// <summary>For a queued task (code 22): how many tasks are ahead of it, when the proxy says.</summary>
    public int? QueueLength => Properties?.NumberOfQueues;
}
