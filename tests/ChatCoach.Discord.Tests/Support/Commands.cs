using ChatCoach.Discord.Interactions;

namespace ChatCoach.Discord.Tests.Support;

// The command set of fixtures/rest_bulk_overwrite_global_commands.json, built with the client's types.
internal static class Commands
{
    public static IReadOnlyList<ApplicationCommandDefinition> ChatCoach { get; } =
    [
        new()
        {
            Name = "coach",
            Description = "Start or continue a coaching session",
            Contexts = [0, 1],
            IntegrationTypes = [0],
            Options =
            [
                new() { Type = 3, Name = "topic", Description = "What do you want to practise?", Required = true, MaxLength = 200, Autocomplete = true },
                new() { Type = 5, Name = "private", Description = "Reply only to you (ephemeral)", Required = false },
                new()
                {
                    Type = 3,
                    Name = "level",
                    Description = "How experienced are you?",
                    Choices = [new("Beginner", "beginner"), new("Advanced", "advanced")],
                },
            ],
        },
        new()
        {
            Name = "coach-admin",
            Description = "Moderator tools for ChatCoach",
            Contexts = [0],
            IntegrationTypes = [0],
            DefaultMemberPermissions = 32,
            Options =
            [
                new()
                {
                    Type = 1,
                    Name = "reset-user",
                    Description = "Reset a user's coaching history",
                    Options = [new() { Type = 6, Name = "user", Description = "Member to reset", Required = true }],
                },
            ],
        },
    ];
}
