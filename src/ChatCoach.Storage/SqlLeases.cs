using ChatCoach.Core.Conversations;

namespace ChatCoach.Storage;

/// <summary>Leases in the <c>leases</c> table, by the same statements on every provider.</summary>
internal sealed class SqlLeases(CoachContexts contexts) : ILeases
{
    public async Task<LeaseGrant?> TryTakeAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var take = await Sql.CommandAsync(db, Sql.TakeLease, cancellationToken, ("@name", name), ("@owner", owner), ("@until", until), ("@now", now));
        await using var row = await take.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken) ? new LeaseGrant(row.IsDBNull(0) ? null : row.GetString(0)) : null;
    }

    public async Task<bool> RenewAsync(string name, string owner, DateTimeOffset until, string? state, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var renew = await Sql.CommandAsync(db, Sql.RenewLease, cancellationToken, ("@name", name), ("@owner", owner), ("@until", until), ("@state", state));
        return await renew.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task ReleaseAsync(string name, string owner, DateTimeOffset now, string? state, CancellationToken cancellationToken) =>
        RenewAsync(name, owner, now, state, cancellationToken);
}
