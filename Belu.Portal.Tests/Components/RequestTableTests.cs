using Belu.Portal.Features.Attendance;
using Belu.Portal.Features.Attendance.Components;
using Belu.Portal.Features.Attendance.Domain;
using Belu.Portal.Features.Attendance.Leave.Domain;
using Belu.Portal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Belu.Portal.Tests.Components;

/// <summary>The approve/reject buttons show on a request only for whom it waits: after the superior's consideration a
/// cuti waits for the grantor, and the superior's list no longer offers him a decision he may not take.</summary>
public class RequestTableTests
{
    private const int Superior = 10, Grantor = 20;

    private static RequestRow Cuti(LeaveConsideration? consideration) => new(
        Guid.NewGuid(), 1, "Pegawai Uji", "199001012015011001", RequestKind.C, new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16), "Urusan keluarga",
        RequestStatus.Diajukan, "Atasan Uji", null, new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc), null, false, Guid.NewGuid(),
        LeaveKind: LeaveKind.Tahunan, Consideration: consideration, ApproverId: Superior, GrantorId: Grantor);

    private static async Task<int> ButtonsAsync(RequestRow row, int deciding)
    {
        await using var ctx = new MudContext();
        var cut = ctx.Render<RequestTable>(p => p
            .Add(x => x.Rows, [row])
            .Add(x => x.ShowEmployee, true)
            .Add(x => x.DecidingEmployeeIds, new HashSet<int> { deciding })
            .Add(x => x.OnDecide, EventCallback.Factory.Create<(RequestRow, bool)>(new object(), _ => { })));
        return cut.FindAll("[data-testid=request-approve], [data-testid=request-reject]").Count;
    }

    [Fact]
    public async Task BeforeTheConsiderationTheSuperiorHasTheButtonsAndTheGrantorDoesNot()
    {
        Assert.Equal(2, await ButtonsAsync(Cuti(consideration: null), Superior));
        Assert.Equal(0, await ButtonsAsync(Cuti(consideration: null), Grantor));
    }

    [Fact]
    public async Task AfterTheConsiderationOnlyTheGrantorHasTheButtons()
    {
        Assert.Equal(0, await ButtonsAsync(Cuti(LeaveConsideration.Setuju), Superior));
        Assert.Equal(2, await ButtonsAsync(Cuti(LeaveConsideration.Setuju), Grantor));
    }
}
