namespace Juhe.Generators.Model;

/// <summary>The names of the methods a task operation adds beside its plain <c>{Stem}Async</c>.</summary>
internal static class TaskEmitterNames
{
    /// <summary><c>CreateVideoAsync</c> → <c>SubmitCreateVideoAsync</c>.</summary>
    public static string Submit(string methodName) => "Submit" + methodName;

    /// <summary><c>CreateVideoAsync</c> → <c>RunCreateVideoAsync</c>.</summary>
    public static string Run(string methodName) => "Run" + methodName;

    /// <summary>The poll stem without a leading <c>Get</c>: <c>GetVideoTask</c> → <c>VideoTask</c>.</summary>
    public static string PollName(string pollStem)
        => pollStem.Length > 3 && pollStem.StartsWith("Get", System.StringComparison.Ordinal) && char.IsUpper(pollStem[3]) ? pollStem.Substring(3) : pollStem;

    /// <summary><c>VideoTask</c> → <c>WaitVideoTaskAsync</c>.</summary>
    public static string Wait(string pollName) => "Wait" + pollName + "Async";
}
