namespace Juhe.Midjourney;

/// <summary>What a Midjourney submit's <c>code</c> means (§8 of the catalogue).</summary>
public enum MidjourneySubmitOutcome
{
    /// <summary>Any other code. The generated submit methods raise <see cref="Juhe.Http.JuheApiException"/> with the description for these, so a caller sees this only on a result it built or read itself.</summary>
    Failed = 0,

    /// <summary>Code 1: the task was submitted; poll it by <see cref="MidjourneySubmitResult.Result"/>.</summary>
    Submitted = 1,

    /// <summary>Code 22: the task waits in the proxy's queue (<see cref="MidjourneySubmitResult.QueueLength"/> tasks ahead); poll it as usual.</summary>
    Queued = 22,

    /// <summary>
    /// Code 21: the task waits for a modal (inpaint region, custom zoom, remix prompt). Call
    /// <c>ModalAsync</c> with <see cref="MidjourneySubmitResult.Result"/> as the task id; polling before that stays at <c>MODAL</c>.
    /// </summary>
    NeedsModal = 21,
}
