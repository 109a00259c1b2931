namespace ChatCoach.Discord.Rest;

internal sealed record InteractionCallbackPayload(int Type, MessagePayload? Data);
