using Microsoft.AspNetCore.Identity;

namespace Belu.Portal.Features.Accounts;

/// <summary>Identity's messages in Bahasa Indonesia.</summary>
internal sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Terjadi kesalahan yang tidak diketahui.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Akun baru saja diubah oleh pengguna lain. Muat ulang lalu coba lagi.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Kata sandi salah.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Token tidak sah.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Nama pengguna '{userName}' tidak sah.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Nama pengguna '{userName}' sudah dipakai.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Peran '{role}' sudah ada.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Akun sudah memiliki peran '{role}'.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Akun tidak memiliki peran '{role}'.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Penguncian akun tidak aktif untuk akun ini.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Kata sandi minimal {length} karakter.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Kata sandi harus memuat minimal {uniqueChars} karakter berbeda.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Kata sandi harus memuat minimal satu simbol (mis. # atau !).");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Kata sandi harus memuat minimal satu angka.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Kata sandi harus memuat minimal satu huruf kecil.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Kata sandi harus memuat minimal satu huruf besar.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
