using ChatCoach.Configuration;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace ChatCoach.Tests.Configuration;

public sealed class SettingsTests
{
    private static IConfiguration From(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_example_file_documents_keys_that_all_bind_and_validate()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.example.json")).Build();

        var (settings, problems) = Settings.Read(example);

        Assert.Empty(problems);
        Assert.NotNull(settings);
        Assert.False(settings.Discord.Enabled);
    }

    [Theory]
    [InlineData("ChatCoach:Discord:ShardId", "3", "ChatCoach:Discord:ShardId")]
    [InlineData("ChatCoach:Discord:ApiBaseUrl", "discord.com", "ChatCoach:Discord:ApiBaseUrl")]
    [InlineData("ChatCoach:Discord:ApiBaseUrl", "http://discord.example/api/v10", "must be https unless its host is loopback")]
    [InlineData("ChatCoach:Discord:HomeGuildId", "our-server", "ChatCoach:Discord:HomeGuildId")]
    [InlineData("ChatCoach:Discord:InvalidRequestPause", "12000", "InvalidRequestPause")]
    [InlineData("ChatCoach:Discord:UserMessagesPer10s", "0", "ChatCoach:Discord:UserMessagesPer10s")]
    [InlineData("ChatCoach:Discord:CommandGuildId", "my-server", "ChatCoach:Discord:CommandGuildId")]
    [InlineData("ChatCoach:Discord:DeferAfterMilliseconds", "5000", "ChatCoach:Discord:DeferAfterMilliseconds")]
    [InlineData("ChatCoach:Discord:Token", "Bot abc.def.ghi", "ChatCoach:Discord:Token")]
    [InlineData("ChatCoach:Database:Synchronous", "sometimes", "ChatCoach:Database")]
    [InlineData("ChatCoach:Database:Provider", "Oracle", "ChatCoach:Database")]
    [InlineData("ChatCoach:Discord:ShardLeaseSeconds", "-1", "ChatCoach:Discord:ShardLeaseSeconds")]
    public void A_wrong_value_is_reported_with_its_key(string key, string value, string named)
    {
        var (settings, problems) = Settings.Read(From((key, value)));

        Assert.Null(settings);
        Assert.Contains(problems, p => p.Contains(named, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("abc.def.ghi", StringComparison.Ordinal));
    }

    [Fact]
    public void Postgres_takes_an_npgsql_connection_string_and_the_replica_id_names_this_process()
    {
        var (settings, problems) = Settings.Read(From(
            ("ChatCoach:Database:Provider", "Postgres"),
            ("ChatCoach:Database:ConnectionString", "Host=db;Database=chatcoach;Username=coach"),
            ("ChatCoach:ReplicaId", "replica-a")));

        Assert.Empty(problems);
        Assert.Equal((Storage.DatabaseProvider.Postgres, "replica-a"), (settings!.Database.Provider, settings.Replica.Id));
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", Settings.Read(From()).Settings!.Replica.Id);
    }

    [Fact]
    public void A_postgres_connection_string_without_a_host_is_refused_with_its_key()
    {
        var (_, problems) = Settings.Read(From(("ChatCoach:Database:Provider", "Postgres"), ("ChatCoach:Database:ConnectionString", "Data Source=data/chatcoach.db")));

        Assert.Contains(problems, p => p.StartsWith("ChatCoach:Database:ConnectionString", StringComparison.Ordinal));
    }
}
