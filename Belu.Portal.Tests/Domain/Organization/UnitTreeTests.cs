using Belu.Portal.Features.Organization;

namespace Belu.Portal.Tests.Domain.Organization;

public class UnitTreeTests
{
    // Pemkab(1) → Diskominfo(2) → Aptika(4), Sekretariat(5); Pemkab → Dinkes(3) → Kesmas(6) → Seksi(7)
    private static readonly UnitTree Tree = new(
    [
        new(1, null, "Pemerintah Kabupaten Belu", "PEMKAB", UnitKind.Pemkab, 0, true),
        new(2, 1, "Dinas Komunikasi dan Informatika", "DISKOMINFO", UnitKind.Opd, 0, true),
        new(3, 1, "Dinas Kesehatan", "DINKES", UnitKind.Opd, 1, true),
        new(4, 2, "Bidang Aplikasi Informatika", "DISKOMINFO-03", UnitKind.Bidang, 1, true),
        new(5, 2, "Sekretariat", "DISKOMINFO-01", UnitKind.Bagian, 0, true),
        new(6, 3, "Bidang Kesehatan Masyarakat", "DINKES-02", UnitKind.Bidang, 0, true),
        new(7, 6, "Seksi Gizi", "DINKES-02-1", UnitKind.Bagian, 0, true),
    ]);

    [Fact]
    public void ALeadersScopeIsHisUnitAndEverythingBeneathIt()
    {
        Assert.Equal([3, 6, 7], Tree.SubtreeOf(3).Order());
        Assert.Equal([2, 4, 5], Tree.SubtreeOf(2).Order());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Tree.SubtreeOf(1).Order());
    }

    [Fact]
    public void AScopeNeverReachesASiblingUnit()
    {
        Assert.DoesNotContain(6, Tree.SubtreeOf(2));
        Assert.False(Tree.IsWithin(6, 2));
        Assert.True(Tree.IsWithin(7, 3));
        Assert.True(Tree.IsWithin(7, 7));
    }

    [Fact]
    public void AnUnknownUnitHasAnEmptyScope() => Assert.Empty(Tree.SubtreeOf(99));

    [Fact]
    public void ChildrenAreOrderedBySortOrder() =>
        Assert.Equal([5, 4], Tree.ChildrenOf(2).Select(u => u.Id));

    [Fact]
    public void PathAndOpdNameTheUnitsPlace()
    {
        Assert.Equal("Dinas Kesehatan › Bidang Kesehatan Masyarakat › Seksi Gizi", Tree.PathOf(7));
        Assert.Equal(3, Tree.OpdOf(7)!.Id);
        Assert.Equal(2, Tree.OpdOf(2)!.Id);
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(3, 7)]
    [InlineData(3, 3)]
    public void AUnitCannotMoveUnderItselfOrItsDescendant(int unit, int newParent)
    {
        var error = Tree.CheckPlacement(unit, Tree[unit].Kind, newParent);
        Assert.Contains("turunannya", error);
    }

    [Fact]
    public void ABidangMayMoveToAnotherOpd() =>
        Assert.Null(Tree.CheckPlacement(4, UnitKind.Bidang, 3));

    [Fact]
    public void AnOpdSitsDirectlyUnderTheRegency()
    {
        Assert.Null(Tree.CheckPlacement(null, UnitKind.Opd, 1));
        Assert.Contains("langsung di bawah", Tree.CheckPlacement(null, UnitKind.Opd, 2));
        Assert.Contains("di dalam sebuah OPD", Tree.CheckPlacement(null, UnitKind.Bidang, 1));
    }

    [Fact]
    public void ThereIsOnlyOneRoot()
    {
        Assert.Contains("Sudah ada unit akar", Tree.CheckPlacement(null, UnitKind.Pemkab, null));
        Assert.Null(Tree.CheckPlacement(1, UnitKind.Pemkab, null));
        Assert.Contains("wajib dipilih", Tree.CheckPlacement(null, UnitKind.Bidang, null));
    }
}
