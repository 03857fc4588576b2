using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Common.Files;

/// <summary>A file accepted into storage: where it lies, what it is, and its SHA-256.</summary>
public sealed record StoredFile(string StorageKey, FileKind Kind, long Length, string Sha256, string OriginalName)
{
    public string ContentType => Kind.ContentType();
}

/// <summary>
/// Keeps uploaded files outside the web root (Storage:Root), named by their content hash. Checks the size limit
/// while reading and the type by magic bytes; a renamed executable or an empty file is refused with a message in
/// Bahasa Indonesia. Files come back only through a feature's service, after its scope check. Each stored file's
/// time is set from the injected clock (stored again, it is set again), so a feature's sweep of files that no row
/// names (<see cref="ListFolder"/>) measures their age on the office clock.
/// </summary>
public sealed class FileStore(IOptions<StorageOptions> options, IConfiguration configuration, ILogger<FileStore> logger, TimeProvider time)
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    private string Root => PortalConfiguration.ResolvePath(configuration, options.Value.Root);

    /// <summary>Stores the stream if it is one of <paramref name="allowed"/> and within the size limit.</summary>
    /// <exception cref="ValidationException">Empty, too large, or not an allowed kind.</exception>
    public Task<StoredFile> SaveAsync(Stream content, string originalName, IReadOnlyCollection<FileKind> allowed, CancellationToken ct = default) =>
        SaveInAsync(null, content, originalName, allowed, ct);

    /// <summary>
    /// As <see cref="SaveAsync"/>, in a folder of its own (<c>lapangan</c>): a feature that sweeps the files its rows no
    /// longer name lists that folder only, never another feature's files of the same content.
    /// </summary>
    public async Task<StoredFile> SaveInAsync(string? folder, Stream content, string originalName, IReadOnlyCollection<FileKind> allowed, CancellationToken ct = default)
    {
        var safeName = SafeName(originalName);
        var incoming = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            long length = 0;
            var header = new byte[FileSignature.HeaderLength];
            var headerLength = 0;
            var tail = new byte[PdfTailLength];
            var tailLength = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                    {
                        logger.LogWarning("Refused an upload {Name} over the {Max} byte limit", safeName, MaxBytes);
                        throw new ValidationException($"Berkas {safeName} terlalu besar. Maksimal {MaxBytes / 1024 / 1024} MB.");
                    }
                    if (headerLength < header.Length)
                    {
                        var take = Math.Min(header.Length - headerLength, read);
                        Array.Copy(buffer, 0, header, headerLength, take);
                        headerLength += take;
                    }
                    KeepTail(tail, ref tailLength, buffer.AsSpan(0, read));
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (length == 0)
            {
                throw new ValidationException($"Berkas {safeName} kosong.");
            }
            var kind = FileSignature.Detect(header.AsSpan(0, headerLength));
            if (kind == FileKind.Unknown || !allowed.Contains(kind))
            {
                logger.LogWarning("Refused an upload {Name}: its content is {Kind}", safeName, kind);
                throw new ValidationException(
                    $"Berkas {safeName} bukan {string.Join(", ", allowed.Select(k => k.Label()))} yang sah (isi berkas diperiksa, bukan namanya).");
            }
            if (kind == FileKind.Pdf && tail.AsSpan(0, tailLength).IndexOf("%%EOF"u8) < 0)
            {
                logger.LogWarning("Refused a truncated PDF {Name} ({Length} bytes)", safeName, length);
                throw new ValidationException($"Berkas {safeName} rusak atau terpotong (akhir PDF tidak ada). Pindai atau unduh ulang berkasnya, lalu unggah lagi.");
            }
            safeName = WithExtension(safeName, kind);

            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var key = Path.Combine(hash[..2], hash + kind.Extension());
            if (folder is not null)
            {
                key = Path.Combine(CheckFolder(folder), key);
            }
            var final = Path.Combine(Root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, final);
            }
            File.SetLastWriteTimeUtc(final, time.GetUtcNow().UtcDateTime);
            logger.LogInformation("Stored {Kind} file {Key} ({Length} bytes)", kind, key, length);
            return new StoredFile(key.Replace('\\', '/'), kind, length, hash, safeName);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Opens a stored file for reading. Callers check the user's right to it first.</summary>
    public Stream OpenRead(string storageKey)
    {
        var path = PathOf(storageKey);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : throw new NotFoundException("Berkas tidak ditemukan.");
    }

    /// <summary>The files of a folder (<see cref="SaveInAsync"/>) with the time each was last stored (UTC).</summary>
    public IReadOnlyList<(string Key, DateTime StoredUtc)> ListFolder(string folder)
    {
        var directory = Path.Combine(Root, CheckFolder(folder));
        return !Directory.Exists(directory) ? []
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(path => (Path.GetRelativePath(Root, path).Replace('\\', '/'), File.GetLastWriteTimeUtc(path))).ToList();
    }

    /// <summary>Removes a stored file; the caller has made sure that no row names it. A missing file is no error.</summary>
    public void Delete(string storageKey)
    {
        var path = PathOf(storageKey);
        if (File.Exists(path))
        {
            File.Delete(path);
            logger.LogInformation("Deleted stored file {Key}", storageKey);
        }
    }

    private string PathOf(string storageKey)
    {
        var path = Path.GetFullPath(Path.Combine(Root, storageKey));
        return path.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path : throw new NotFoundException("Berkas tidak ditemukan.");
    }

    private static string CheckFolder(string folder) =>
        folder.Length > 0 && folder.All(c => char.IsAsciiLetterLower(c) || c == '-') ? folder
            : throw new ArgumentException("A storage folder is lower-case letters and dashes.", nameof(folder));

    /// <summary>A PDF ends with "%%EOF" in its last kilobyte (ISO 32000 §7.5.5); a cut-off download or scan does not.</summary>
    private const int PdfTailLength = 1024;

    private static void KeepTail(byte[] tail, ref int tailLength, ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= tail.Length)
        {
            chunk[^tail.Length..].CopyTo(tail);
            tailLength = tail.Length;
            return;
        }
        var keep = Math.Min(tailLength, tail.Length - chunk.Length);
        Array.Copy(tail, tailLength - keep, tail, 0, keep);
        chunk.CopyTo(tail.AsSpan(keep));
        tailLength = keep + chunk.Length;
    }

    /// <summary>The name as downloaded ends with the extension of what the file really is, so "scan.pdf.exe" cannot pose as a program.</summary>
    public static string WithExtension(string safeName, FileKind kind)
    {
        string[] accepted = kind == FileKind.Jpeg ? [".jpg", ".jpeg"] : [kind.Extension()];
        return accepted.Any(e => safeName.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? safeName : safeName + kind.Extension();
    }

    /// <summary>The file name without any folder part or control characters, for display and downloads.</summary>
    public static string SafeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().TrimStart('.');
        if (clean.Length > 120)
        {
            clean = clean[^120..];
        }
        return clean.Length == 0 ? "berkas" : clean;
    }
}
