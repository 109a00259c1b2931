using System.Security.Cryptography;
using System.Text;
using ChatCoach.Core.Conversations;

namespace ChatCoach.Core.Logging;

/// <summary>
/// Turns a user id into what logs may carry: a keyed hash (HMAC-SHA256, 16 hex digits), the same on every replica
/// and across restarts, so one user's lines can be followed without the id itself. The key is made once, at random,
/// and kept in the database (<see cref="IBotState"/>), never in a log or a setting.
/// </summary>
public sealed class UserHasher
{
    /// <summary>The <see cref="IBotState"/> key the hash key is kept under.</summary>
    public const string StateKey = "log-user-hash-key";

    private byte[]? _key;

    /// <summary>Reads the key, making it first if this database has none (replicas starting together agree on one).</summary>
    public async Task LoadKeyAsync(IBotState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stored = await state.GetOrAddAsync(StateKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        _key = Convert.FromBase64String(stored);
    }

    /// <summary>The hash of <paramref name="userId"/> on <paramref name="platform"/>.</summary>
    public string Hash(string platform, string userId)
    {
        var key = _key ?? throw new InvalidOperationException("The user hash key is not loaded yet (LoadKeyAsync at start).");
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{platform}:{userId}"), mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
