using System.Text.Json;
using ChatCoach.Discord.Interactions;
using ChatCoach.Discord.Tests.Support;

namespace ChatCoach.Discord.Tests.Models;

public sealed class InteractionFixtureTests
{
    public static TheoryData<string> Fixtures => new(Directory.GetFiles(Path.Combine(SharedFiles.Discord, "fixtures"), "interaction_create_*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_interaction_fixture_reads(string fixture)
    {
        using var doc = JsonDocument.Parse(SharedFiles.Fixture(fixture));
        var interaction = doc.RootElement.GetProperty("d").Deserialize<Interaction>(DiscordJson.Options)!;
        Assert.NotEmpty(interaction.Id);
        Assert.NotEmpty(interaction.Token);
        Assert.NotNull(interaction.InvokingUser);
        Assert.Equal(fixture.EndsWith("_dm.json", StringComparison.Ordinal), interaction.IsDirectMessage);
    }
}
