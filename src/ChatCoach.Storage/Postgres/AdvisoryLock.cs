using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace ChatCoach.Storage.Postgres;

/// <summary>
/// A PostgreSQL session-level advisory lock, named by a string: held while its connection stays open, released when
/// the connection closes or the holder's process dies, so a lock never outlives its replica.
/// </summary>
internal static class AdvisoryLock
{
    private static readonly PostgresCommand Take = new(PostgresSql.Lock, ("@key", NpgsqlDbType.Bigint));
    private static readonly PostgresCommand TryTake = new(PostgresSql.TryLock, ("@key", NpgsqlDbType.Bigint));
    private static readonly PostgresCommand Release = new(PostgresSql.Unlock, ("@key", NpgsqlDbType.Bigint));

    /// <summary>The lock's 64-bit key: the start of the name's SHA-256, the same in every replica and every version.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"chatcoach:{name}")), 0);

    /// <summary>Waits for the lock on <paramref name="connection"/>.</summary>
    public static Task TakeAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        RunAsync(Take, connection, name, cancellationToken);

    /// <summary>Takes the lock on <paramref name="connection"/> when nobody holds it; true when taken.</summary>
    public static async Task<bool> TryTakeAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        await RunAsync(TryTake, connection, name, cancellationToken) is true;

    public static Task ReleaseAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        RunAsync(Release, connection, name, cancellationToken);

    private static async Task<object?> RunAsync(PostgresCommand statement, NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = statement.On(connection);
        command.Parameters[0].Value = KeyOf(name);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
