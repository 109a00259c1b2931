namespace ChatCoach.Discord.Rest;

// fail_if_not_exists false: a reply to a message deleted meanwhile is still delivered, just not as a reply.
internal sealed record MessageReferencePayload(string MessageId, bool FailIfNotExists = false);
