using Belu.Portal.Features.Attendance;

namespace Belu.Portal.Tests.Domain.Attendance;

/// <summary>The writer serves people before machines, and never puts a person's punch inside a machine's chunk.</summary>
public class PunchLanesTests
{
    private sealed record Item(string Name, int Punches);

    private static PunchLanes<Item> Lanes(int max = 10, int machineMax = 1) => new(max, machineMax, i => i.Punches);

    [Fact]
    public void PeopleWaitingGoBeforeTheMachineChunksThatArrivedEarlier()
    {
        var lanes = Lanes();
        lanes.Add(new("mesin-1", 5), bulk: true);
        lanes.Add(new("mesin-2", 5), bulk: true);
        lanes.Add(new("web-a", 1), bulk: false);
        lanes.Add(new("kiosk-b", 1), bulk: false);

        Assert.Equal(["web-a", "kiosk-b"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["mesin-1"], lanes.TakeNext().Select(i => i.Name));

        // Someone arriving while the first chunk was written goes before the second.
        lanes.Add(new("web-c", 1), bulk: false);
        Assert.Equal(["web-c"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["mesin-2"], lanes.TakeNext().Select(i => i.Name));
        Assert.True(lanes.IsEmpty);
        Assert.Empty(lanes.TakeNext());
    }

    [Fact]
    public void MachineChunksWaitingTogetherAreWrittenTogetherUpToTheMachineLimitInArrivalOrder()
    {
        // A bridge that sends one punch per request at a rush must not cost one transaction per punch; a person still
        // waits at most for one machine batch of the machine limit (or one larger chunk).
        var lanes = Lanes(max: 10, machineMax: 3);
        lanes.Add(new("mesin-1", 1), bulk: true);
        lanes.Add(new("mesin-2", 1), bulk: true);
        lanes.Add(new("mesin-3", 2), bulk: true);
        lanes.Add(new("mesin-4", 1), bulk: true);
        lanes.Add(new("mesin-besar", 5), bulk: true);
        lanes.Add(new("mesin-5", 1), bulk: true);

        Assert.Equal(["mesin-1", "mesin-2"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["mesin-3", "mesin-4"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["mesin-besar"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["mesin-5"], lanes.TakeNext().Select(i => i.Name));
        Assert.True(lanes.IsEmpty);
    }

    [Fact]
    public void PeopleAreBatchedUpToTheLimitAndALargerSubmissionStillGoesAlone()
    {
        var lanes = Lanes(max: 3);
        lanes.Add(new("besar", 5), bulk: false);
        lanes.Add(new("a", 1), bulk: false);
        lanes.Add(new("b", 2), bulk: false);
        lanes.Add(new("c", 1), bulk: false);

        Assert.Equal(["besar"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["a", "b"], lanes.TakeNext().Select(i => i.Name));
        Assert.Equal(["c"], lanes.TakeNext().Select(i => i.Name));
    }
}
