using Juhe.Tasks;
using Juhe.Tests.Support;
using static Juhe.Tests.Tasks.TaskPayloads;

namespace Juhe.Tests.Tasks;

[Collection(AllocationMeasurements.Name)]
public class TaskAllocationTests
{
    [Fact]
    public void Looking_up_a_status_allocates_nothing()
    {
        JuheTaskStatusMap map = CatalogueTaskStatuses.Named("Runway").Map;
        string text = "  in_progress_or_RUNNING  ";
        Assert.Equal(JuheTaskState.Running, map.GetState(text.AsSpan(17)));

        long allocated = AllocationMeasurement.LeastOf(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            JuheTaskState state = map.GetState(text.AsSpan(17));
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(JuheTaskState.Running, state);
            return after - before;
        }, expected: 0);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Parsing_progress_text_allocates_nothing()
    {
        string text = "\"progress\":\"42.5%\"";
        Assert.True(JuheTaskProgress.TryParse(text.AsSpan(12, 5), out double expected));

        long allocated = AllocationMeasurement.LeastOf(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool read = JuheTaskProgress.TryParse(text.AsSpan(12, 5), out double percent);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(read);
            Assert.Equal(expected, percent);
            return after - before;
        }, expected: 0);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task A_poll_that_changes_nothing_allocates_only_its_wait()
    {
        // The waits resume on thread-pool threads, so this counts the whole process's allocations
        // and compares whole waits: 200 extra unchanged polls must cost a bounded amount each.
        // Other threads (the tiered JIT, earlier tests' leftovers) only ever add, so the least
        // of a few runs is kept.
        await AllocatedByWaitAsync(unchangedPolls: 10); // warm up
        long few = await AllocationMeasurement.LeastOfAsync(() => AllocatedByWaitAsync(unchangedPolls: 10), expected: 0);
        long many = await AllocationMeasurement.LeastOfAsync(() => AllocatedByWaitAsync(unchangedPolls: 210), expected: 0);

        double perPoll = (many - few) / 200.0;
        Assert.True(perPoll <= 1024, $"An unchanged poll allocated {perPoll:0} bytes on average.");
    }

    private static async Task<long> AllocatedByWaitAsync(int unchangedPolls)
    {
        var clock = new VirtualClock();
        NewApiTaskRow running = new("IN_PROGRESS", "50%");
        NewApiTaskRow done = new("SUCCESS", "100%", "https://cdn.example/v.mp4");
        int polls = 0;
        ValueTask<NewApiTaskRow> Fetch(string id, CancellationToken token) =>
            ValueTask.FromResult(++polls > unchangedPolls ? done : running);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        await clock.RunAsync(JuheTaskPoller.WaitAsync(Id, Fetch, Describe, Options(clock, timeout: Timeout.InfiniteTimeSpan)));
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
