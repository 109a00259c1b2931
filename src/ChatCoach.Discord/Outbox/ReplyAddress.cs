namespace ChatCoach.Discord.Outbox;

/// <summary>Where an outbox row goes on Discord; written in the row's <c>Address</c> as <c>kind:part:part…</c>.</summary>
internal sealed record ReplyAddress(ReplyKind Kind, string First, string Second = "", string Third = "")
{
    /// <summary>A message in a DM channel the bot is in.</summary>
    public static ReplyAddress Dm(string channelId) => new(ReplyKind.Dm, channelId);

    /// <summary>An edit of a channel message the bot sent.</summary>
    public static ReplyAddress Edit(string channelId, string messageId) => new(ReplyKind.Edit, channelId, messageId);

    /// <summary>The interaction's first answer (after a deferral: the edit of its placeholder).</summary>
    public static ReplyAddress Initial(string interactionId, string applicationId, string token) => new(ReplyKind.Initial, interactionId, applicationId, token);

    /// <summary>An edit of the interaction's <c>@original</c> message.</summary>
    public static ReplyAddress Original(string applicationId, string token) => new(ReplyKind.Original, applicationId, token);

    /// <summary>A follow-up message of the interaction.</summary>
    public static ReplyAddress FollowUp(string applicationId, string token) => new(ReplyKind.FollowUp, applicationId, token);

    /// <summary>Whether it goes through an interaction token, which dies after 15 minutes.</summary>
    public bool ViaInteraction => Kind is ReplyKind.Initial or ReplyKind.Original or ReplyKind.FollowUp;

    public static ReplyAddress Parse(string text)
    {
        var parts = text.Split(':');
        var kind = Enum.Parse<ReplyKind>(parts[0], ignoreCase: true);
        return new ReplyAddress(kind, parts[1], parts.Length > 2 ? parts[2] : "", parts.Length > 3 ? parts[3] : "");
    }

    public override string ToString() => string.Join(':', new[] { Kind.ToString().ToLowerInvariant(), First, Second, Third }.Where(p => p.Length > 0));
}

/// <summary>The kinds of <see cref="ReplyAddress"/>.</summary>
internal enum ReplyKind
{
    /// <summary>POST a channel message with a nonce; retried for 2 minutes.</summary>
    Dm,

    /// <summary>PATCH a channel message; safe to repeat.</summary>
    Edit,

    /// <summary>The interaction callback; never repeated blindly.</summary>
    Initial,

    /// <summary>PATCH <c>@original</c>; safe to repeat.</summary>
    Original,

    /// <summary>POST a follow-up; sent at most once.</summary>
    FollowUp,
}
