using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ChatCoach.Discord.Emulator.Interactions;

/// <summary>The application's Ed25519 key pair, as the developer portal holds it: Discord signs with it, the bot checks.</summary>
internal sealed class InteractionSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _forger = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>The public key in hex, what the portal shows as "Public Key".</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The <c>X-Signature-Ed25519</c> and <c>X-Signature-Timestamp</c> headers for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public (string Signature, string Timestamp) Sign(ReadOnlySpan<byte> body, DateTimeOffset at, bool forged = false)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp), .. body];
        return (Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(forged ? _forger : _key, signed)), timestamp);
    }

    public void Dispose()
    {
        _key.Dispose();
        _forger.Dispose();
    }
}
