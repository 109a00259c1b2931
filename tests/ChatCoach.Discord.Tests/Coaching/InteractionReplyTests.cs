using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Models;
using ChatCoach.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace ChatCoach.Discord.Tests.Coaching;

public sealed class InteractionReplyTests
{
    [Fact]
    public async Task An_interaction_token_is_not_used_after_it_expires()
    {
        var time = new FakeTimeProvider();
        using var http = new HttpClient(new RefusingHandler());
        using var rest = new DiscordRestClient(http, new DiscordClientOptions { Token = "t", ApiBaseUrl = new Uri("http://127.0.0.1:9/api/v10") }, time);
        var interaction = new Interaction { Id = "1", ApplicationId = "2", Token = "token" };
        using var reply = new InteractionReply(rest, interaction, ephemeral: true, time.GetUtcNow().AddMinutes(15), time);

        time.Advance(TimeSpan.FromMinutes(16));

        Assert.False(await reply.SendAsync([new OutgoingMessage("late")], default));
    }

    /// <summary>Fails the test if anything is sent at all.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"nothing may be sent, but {request.Method} {request.RequestUri} was");
    }
}
