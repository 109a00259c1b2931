using ChatCoach.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>The bot's own remembered facts, in the database beside the conversations.</summary>
internal sealed class EfBotState(CoachContexts contexts) : IBotState
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.BotState.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await db.Database.ExecuteSqlRawAsync(Sql.SetBotState, [key, value], cancellationToken);
    }

    public async Task<string> GetOrAddAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await db.Database.ExecuteSqlRawAsync(Sql.AddBotState, [key, value], cancellationToken);
        return await db.BotState.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstAsync(cancellationToken);
    }
}
