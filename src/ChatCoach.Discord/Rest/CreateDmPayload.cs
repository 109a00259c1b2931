namespace ChatCoach.Discord.Rest;

internal sealed record CreateDmPayload(string RecipientId);
