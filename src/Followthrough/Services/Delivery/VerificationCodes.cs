using System.Security.Cryptography;

namespace Followthrough.Services.Delivery;

/// <summary>
/// Verification codes of decision documents: 20 characters drawn at random from 31 that cannot be mistaken for each
/// other when read aloud or typed (no 0/O, 1/I/L), about 99 bits, so a code cannot be guessed; printed in groups of four.
/// </summary>
internal static class VerificationCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int Length = 20;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>XXXX-XXXX-XXXX-XXXX-XXXX.</summary>
    public static string Display(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - (i * 4)))));

    /// <summary>The code as stored, from what someone typed (spaces, dashes and case ignored); null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var code = new string([.. typed.Where(c => c is not (' ' or '-' or '\u00A0')).Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>The name masked for the public: the first character (and the last of longer names), the rest as *.</summary>
    public static string Mask(string name)
    {
        var n = (name ?? string.Empty).Trim();
        return n.Length switch
        {
            0 => "*",
            1 => "*",
            2 => n[0] + "*",
            <= 6 => n[0] + new string('*', n.Length - 2) + n[^1],
            _ => n[..2] + new string('*', n.Length - 4) + n[^2..],
        };
    }
}
