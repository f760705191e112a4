using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Followthrough.Accounts;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 format), the strength rule and generated passwords.</summary>
public static class Passwords
{
    internal const int MinimumLength = 10;
    private static readonly PasswordHasher<Account> Hasher = new();

    internal static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>True when the password matches; <paramref name="rehashed"/> is set when the hash should be upgraded.</summary>
    internal static bool Verify(string hash, string password, out string? rehashed)
    {
        rehashed = null;
        var result = Hasher.VerifyHashedPassword(null!, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehashed = Hash(password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Null when acceptable, otherwise what is wrong with it.</summary>
    internal static string? Weakness(string? password) => password switch
    {
        null or "" => "A password is required.",
        { Length: < MinimumLength } => $"The password must be at least {MinimumLength} characters.",
        _ when password.Distinct().Count() < 4 => "The password repeats too few characters.",
        _ => null,
    };

    /// <summary>A random password of 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}
