namespace Belu.Portal.Common;

/// <summary>The caller may not do this. Pages show the message; endpoints answer 403.</summary>
public sealed class ForbiddenException(string message = "Anda tidak berwenang melakukan tindakan ini.")
    : Exception(message);

/// <summary>Input broke a business rule. The message is for the user, in Bahasa Indonesia.</summary>
public sealed class ValidationException(string message, IReadOnlyDictionary<string, string>? fieldErrors = null)
    : Exception(message)
{
    public IReadOnlyDictionary<string, string> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string>();
}

/// <summary>Someone else changed the record first (optimistic concurrency).</summary>
public sealed class ConcurrencyException(string message = "Data ini baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.")
    : Exception(message);

/// <summary>The record does not exist, or the caller may not know that it exists.</summary>
public sealed class NotFoundException(string message = "Data tidak ditemukan.") : Exception(message);
