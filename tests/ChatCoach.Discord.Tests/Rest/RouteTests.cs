using ChatCoach.Discord.Rest;

namespace ChatCoach.Discord.Tests.Rest;

public sealed class RouteTests
{
    [Theory]
    [InlineData("POST", "channels/123/messages", "POST /channels/123/messages", "POST /channels/{channel_id}/messages")]
    [InlineData("PATCH", "channels/123/messages/456", "PATCH /channels/123/messages/{id}", "PATCH /channels/{channel_id}/messages/{id}")]
    [InlineData("PUT", "applications/111/guilds/222/commands", "PUT /applications/{id}/guilds/222/commands", "PUT /applications/{id}/guilds/{guild_id}/commands")]
    [InlineData("PUT", "applications/111/commands", "PUT /applications/{id}/commands", "PUT /applications/{id}/commands")]
    [InlineData("PATCH", "webhooks/111/tok-en_1/messages/@original", "PATCH /webhooks/111/tok-en_1/messages/@original", "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original")]
    [InlineData("POST", "interactions/999/abc/callback", "POST /interactions/999/abc/callback", "POST /interactions/{interaction_id}/{interaction_token}/callback")]
    [InlineData("GET", "gateway/bot", "GET /gateway/bot", "GET /gateway/bot")]
    [InlineData("POST", "users/@me/channels", "POST /users/@me/channels", "POST /users/@me/channels")]
    [InlineData("get", "channels/1/messages?limit=5", "GET /channels/1/messages", "GET /channels/{channel_id}/messages")]
    public void Keeps_major_parameters_and_hides_other_ids(string method, string path, string key, string template)
    {
        var route = Route.Create(new HttpMethod(method), path);
        Assert.Equal(key, route.Key);
        Assert.Equal(template, route.Template);
        Assert.Equal(template, route.ToString());
    }

    [Fact]
    public void Different_channels_are_different_buckets_but_different_messages_are_not()
    {
        Assert.NotEqual(Route.Create(HttpMethod.Post, "channels/1/messages").Key, Route.Create(HttpMethod.Post, "channels/2/messages").Key);
        Assert.Equal(Route.Create(HttpMethod.Patch, "channels/1/messages/5").Key, Route.Create(HttpMethod.Patch, "channels/1/messages/6").Key);
        Assert.NotEqual(Route.Create(HttpMethod.Post, "channels/1/messages").Key, Route.Create(HttpMethod.Patch, "channels/1/messages/5").Key);
    }

    [Fact]
    public void Major_parameters_are_extracted_for_bucket_hash_keys()
    {
        Assert.Equal("/1", Route.Create(HttpMethod.Post, "channels/1/messages").MajorParameters);
        Assert.Equal("/7/tok", Route.Create(HttpMethod.Post, "webhooks/7/tok").MajorParameters);
        Assert.Equal("/9", Route.Create(HttpMethod.Put, "applications/3/guilds/9/commands").MajorParameters);
        Assert.Equal("", Route.Create(HttpMethod.Get, "gateway/bot").MajorParameters);
    }

    [Theory]
    [InlineData("interactions/1/t/callback", true)]
    [InlineData("webhooks/1/t", true)]
    [InlineData("webhooks/1/t/messages/@original", true)]
    [InlineData("channels/1/messages", false)]
    [InlineData("applications/1/commands", false)]
    public void Interaction_routes_are_exempt_from_the_global_limit(string path, bool exempt) =>
        Assert.Equal(exempt, Route.Create(HttpMethod.Post, path).ExemptFromGlobalLimit);

    [Fact]
    public void Template_never_contains_tokens()
    {
        var route = Route.Create(HttpMethod.Patch, "webhooks/111/SECRET-INTERACTION-TOKEN/messages/@original");
        Assert.DoesNotContain("SECRET", route.Template, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", route.ToString(), StringComparison.Ordinal);
    }
}
