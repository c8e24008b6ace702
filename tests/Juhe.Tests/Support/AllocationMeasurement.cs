namespace Juhe.Tests.Support;

/// <summary>
/// Measures allocation facts with <see cref="GC.GetAllocatedBytesForCurrentThread"/>. With other tests
/// running in parallel, the runtime now and then counts the unused rest of this thread's allocation
/// context as allocated (seen as exactly 7,984 bytes, with no collection in between). So allocation
/// tests run alone (<see cref="AllocationMeasurements"/>), and each measurement is taken up to three
/// times and the least kept: an allocation the code really makes shows in every attempt.
/// </summary>
internal static class AllocationMeasurement
{
    private const int Attempts = 3;

    /// <summary>The least of up to three measurements of <paramref name="measure"/>; stops at the first that meets <paramref name="expected"/>.</summary>
    public static long LeastOf(Func<long> measure, long expected)
    {
        long least = long.MaxValue;
        for (int attempt = 0; attempt < Attempts && least != expected; attempt++)
        {
            least = Math.Min(least, measure());
        }

        return least;
    }

    /// <summary>The asynchronous form of <see cref="LeastOf"/>, for code that completes synchronously on this thread.</summary>
    public static async Task<long> LeastOfAsync(Func<Task<long>> measure, long expected)
    {
        long least = long.MaxValue;
        for (int attempt = 0; attempt < Attempts && least != expected; attempt++)
        {
            least = Math.Min(least, await measure());
        }

        return least;
    }
}

/// <summary>Allocation measurements run alone, not in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements";
}
