using System.Security.Cryptography;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Belu.Portal.Features.Attendance.Field;
using Belu.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Belu.Portal.Tests.Integration.Attendance.Field.FieldTestData;

namespace Belu.Portal.Tests.Integration.Attendance.Field;

/// <summary>
/// A field photo lives only as long as a punch names it: a duplicate's photo goes at once, and a photo whose punch never
/// committed is swept once it is older than FieldCheckIn:OrphanPhotoHours on the portal's (fake) clock.
/// </summary>
public class FieldPhotoSweepTests(FakeClockPortalFactory factory) : IClassFixture<FakeClockPortalFactory>
{
    private static byte[] Picture(byte mark)
    {
        var bytes = Jpeg(3000);
        bytes[100] = mark;
        return bytes;
    }

    private static string KeyOf(byte[] photo)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(photo));
        return $"{FieldPhotos.Folder}/{hash[..2]}/{hash}.jpg";
    }

    private async Task<FieldPunchResult> PunchAsync(byte[] photo)
    {
        await using var scope = await factory.ScopeForAsync("pegawai");
        var at = North(Office, 25);
        return await scope.ServiceProvider.GetRequiredService<RecordFieldPunch>().RecordAsync(new FieldFix(at.Latitude, at.Longitude, 9, new MemoryStream(photo)));
    }

    private List<string> StoredPhotos() =>
        factory.Services.GetRequiredService<FileStore>().ListFolder(FieldPhotos.Folder).Select(f => f.Key).ToList();

    private async Task SweepAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FieldPhotos>().SweepAsync();
    }

    [Fact]
    public async Task APhotoNoPunchNamesDoesNotStayOnDisk()
    {
        var employee = await factory.FieldEmployeeAsync("pegawai");
        var (kept, duplicate, refused, orphan) = (Picture(1), Picture(2), Picture(3), Picture(4));

        Assert.True((await PunchAsync(kept)).Recorded);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(KeyOf(kept), await db.Set<FieldPunch>().Where(f => f.EmployeeId == employee).Select(f => f.PhotoKey).SingleAsync());
        }
        // The same minute again: a duplicate keeps no row, and its photo goes at once.
        Assert.False((await PunchAsync(duplicate)).Recorded);
        // Not a JPEG: refused before anything is kept.
        refused[0] = 0x89;
        await Assert.ThrowsAsync<ValidationException>(() => PunchAsync(refused));
        Assert.Equal([KeyOf(kept)], StoredPhotos());

        // A punch that died between storing its photo and saving its row leaves the photo behind.
        var store = factory.Services.GetRequiredService<FileStore>();
        Assert.Equal(KeyOf(orphan), (await store.SaveInAsync(FieldPhotos.Folder, new MemoryStream(orphan), "foto.jpg", [FileKind.Jpeg])).StorageKey);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, store.ListFolder(FieldPhotos.Folder).Single(f => f.Key == KeyOf(orphan)).StoredUtc, TimeSpan.FromSeconds(1));

        // Younger than 24 hours it may still belong to a punch being saved: kept.
        await SweepAsync();
        factory.Time.Advance(TimeSpan.FromHours(23));
        await SweepAsync();
        Assert.Contains(KeyOf(orphan), StoredPhotos());

        // Older: gone; the photo a punch names stays, and still opens.
        factory.Time.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        Assert.Equal([KeyOf(kept)], StoredPhotos());
        Guid punchId;
        await using (var db = factory.CreateDbContext())
        {
            punchId = await db.Set<FieldPunch>().Where(f => f.EmployeeId == employee).Select(f => f.PunchId).SingleAsync();
        }
        await using var scope = await factory.ScopeForAsync("pegawai");
        await using var photo = await scope.ServiceProvider.GetRequiredService<OpenFieldPhoto>().OpenAsync(punchId);
        Assert.Equal(3000, photo.Length);
    }
}
