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
        // Measured on the thread-pool threads the waits resume on would be unreliable, so this
        // compares whole waits instead: 100 extra unchanged polls cost a bounded amount each.
        long few = await AllocatedByWaitAsync(unchangedPolls: 10);
        long many = await AllocatedByWaitAsync(unchangedPolls: 110);

        double perPoll = (many - few) / 100.0;
        Assert.InRange(perPoll, 0, 1024);
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
        await clock.RunAsync(JuheTaskPoller.WaitAsync(Id, Fetch, Describe, Options(clock)));
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
