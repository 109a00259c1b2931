using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ChatCoach.Http;

/// <summary>
/// Discord's signature on an HTTP interaction: Ed25519 over the timestamp header followed by the raw body, checked
/// against the application's public key. A timestamp more than five minutes from now either way is refused too,
/// so a captured request cannot be replayed later.
/// </summary>
internal sealed class InteractionSignature(PublicKey key, TimeProvider time)
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private const int SignatureBytes = 64;

    /// <summary>The key from its hex form (the developer portal's "Public Key"); null when it is not one.</summary>
    public static PublicKey? Import(string? hex)
    {
        try
        {
            var bytes = Convert.FromHexString(hex ?? "");
            return bytes.Length == 32 && PublicKey.TryImport(SignatureAlgorithm.Ed25519, bytes, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="body"/> was signed by Discord at <paramref name="timestamp"/>, and that was recently.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: SignatureBytes * 2 }
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > MaxSkew)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != SignatureBytes)
        {
            return false;
        }

        var signed = new byte[Encoding.ASCII.GetByteCount(timestamp) + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(prefix));
        return SignatureAlgorithm.Ed25519.Verify(key, signed, signature);
    }
}
