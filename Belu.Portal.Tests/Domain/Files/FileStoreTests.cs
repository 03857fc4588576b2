using System.Text;
using Belu.Portal.Common;
using Belu.Portal.Common.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Tests.Domain.Files;

public sealed class FileStoreTests : IDisposable
{
    private static readonly FileKind[] Scans = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "belu-filestore-" + Guid.NewGuid().ToString("N"));

    private FileStore Store(long max = 1024) => new(
        Options.Create(new StorageOptions { Root = _root, MaxUploadBytes = max }),
        new ConfigurationBuilder().Build(),
        NullLogger<FileStore>.Instance,
        TimeProvider.System);

    private static MemoryStream Bytes(params byte[] bytes) => new(bytes);

    [Fact]
    public async Task APdfIsStoredUnderItsHashAndReadBack()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF");
        var stored = await Store().SaveAsync(new MemoryStream(pdf), "surat.pdf", Scans);
        Assert.Equal(FileKind.Pdf, stored.Kind);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(pdf.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), stored.Sha256);
        await using var back = Store().OpenRead(stored.StorageKey);
        using var copy = new MemoryStream();
        await back.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, FileKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, FileKind.Png)]
    public void ImagesAreRecognisedByTheirFirstBytes(byte[] header, FileKind kind) =>
        Assert.Equal(kind, FileSignature.Detect(header));

    [Fact]
    public async Task ARenamedExecutableIsRefused()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Store().SaveAsync(Bytes(0x4D, 0x5A, 0x90, 0x00, 0x03), "scan-surat.pdf", Scans));
        Assert.Contains("isi berkas diperiksa", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AnEmptyFileIsRefused() =>
        Assert.Contains("kosong", (await Assert.ThrowsAsync<ValidationException>(() => Store().SaveAsync(Bytes(), "a.pdf", Scans))).Message);

    [Fact]
    public async Task AnOversizedFileIsRefusedWithoutKeepingAnything()
    {
        var big = new byte[2048];
        "%PDF-"u8.CopyTo(big);
        var error = await Assert.ThrowsAsync<ValidationException>(() => Store(1024).SaveAsync(new MemoryStream(big), "besar.pdf", Scans));
        Assert.Contains("terlalu besar", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AKindNotAllowedHereIsRefused()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Store().SaveAsync(Bytes(0xFF, 0xD8, 0xFF, 0xE0), "foto.jpg", [FileKind.Pdf]));
        Assert.Contains("bukan PDF", error.Message);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\system32\\x.pdf", "x.pdf")]
    [InlineData("..", "berkas")]
    [InlineData("surat \"resmi\".pdf", "surat resmi.pdf")]
    public void PathsAndOddCharactersAreStrippedFromNames(string name, string safe) =>
        Assert.Equal(safe, FileStore.SafeName(name));

    [Fact]
    public void AKeyThatEscapesTheStorageFolderIsNotFound() =>
        Assert.Throws<NotFoundException>(() => Store().OpenRead("../../etc/passwd"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }
}
