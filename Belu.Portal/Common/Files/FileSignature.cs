namespace Belu.Portal.Common.Files;

/// <summary>The kinds of file the portal accepts, recognised by their first bytes, never by their name.</summary>
public enum FileKind
{
    Unknown = 0,
    Pdf,
    Jpeg,
    Png,
}

public static class FileSignature
{
    /// <summary>Bytes needed to recognise every accepted kind.</summary>
    public const int HeaderLength = 8;

    public static FileKind Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return FileKind.Jpeg;
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }
        return FileKind.Unknown;
    }

    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        _ => "application/octet-stream",
    };

    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        _ => ".bin",
    };

    public static string Label(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Jpeg => "JPEG",
        FileKind.Png => "PNG",
        _ => "tidak dikenal",
    };
}
