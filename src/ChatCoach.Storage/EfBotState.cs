using ChatCoach.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>The bot's own remembered facts, in the database beside the conversations.</summary>
internal sealed class EfBotState(IDbContextFactory<CoachDbContext> contexts) : IBotState
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.BotState.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO bot_state ("Key", "Value") VALUES ({key}, {value}) ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value" """,
            cancellationToken);
    }

    public async Task<string> GetOrAddAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO bot_state ("Key", "Value") VALUES ({key}, {value}) ON CONFLICT ("Key") DO NOTHING""", cancellationToken);
        return await db.BotState.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstAsync(cancellationToken);
    }
}
