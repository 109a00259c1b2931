using System.Net;
using System.Text;
using System.Text.Json;
using ChatCoach.Core.Scripts;
using ChatCoach.Discord.Coaching;
using ChatCoach.Discord.Interactions;
using ChatCoach.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCoach.Tests.Discord;

/// <summary>
/// <c>/dialogs upload</c>: the attachment is fetched from its URL (here a real HTTP server on 127.0.0.1, as Discord's
/// CDN would serve it), checked and tested like any change, and only then written and made live.
/// </summary>
public sealed class DialogsUploadTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("chatcoach-upload-");
    private string _dialogs = string.Empty;
    private readonly HttpListener _cdn = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private TempDatabase _db = null!;
    private LiveScripts _live = null!;
    private string _served = string.Empty;
    private string _url = string.Empty;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _dialogs = _folder.CopyDialogs("sample.yaml");
        _live = new LiveScripts(new DialogsOptions { Path = _dialogs, Default = "sample" }, _db.History, TimeProvider.System, NullLogger<LiveScripts>.Instance);
        await _live.ReloadAsync("startup", default);

        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = $"http://127.0.0.1:{port}/attachments/1/sample.yaml";
        _cdn.Prefixes.Add($"http://127.0.0.1:{port}/");
        _cdn.Start();
        _ = Task.Run(async () =>
        {
            while (_cdn.IsListening)
            {
                var context = await _cdn.GetContextAsync();
                var bytes = Encoding.UTF8.GetBytes(_served);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public async Task DisposeAsync()
    {
        _cdn.Close();
        await _services.DisposeAsync();
        _live.Dispose();
        await _db.DisposeAsync();
        _folder.Dispose();
    }

    private Interaction Upload() => new()
    {
        Id = "1",
        ApplicationId = "2",
        Token = "t",
        GuildId = "9",
        Member = new GuildMember { Permissions = "32", Roles = [] },
        Data = new InteractionData
        {
            Name = "dialogs",
            Options = [new InteractionOption { Name = "upload", Type = 1, Options = [new InteractionOption { Name = "file", Type = 11, Value = JsonDocument.Parse("\"att1\"").RootElement }] }],
            Resolved = JsonDocument.Parse("""{"attachments":{"att1":{"id":"att1","filename":"sample.yaml","url":"URL","size":100}}}""".Replace("URL", _url, StringComparison.Ordinal)).RootElement,
        },
    };

    [Fact]
    public async Task A_valid_upload_is_written_and_goes_live_and_a_broken_one_is_refused_with_its_reasons()
    {
        var options = new DiscordOptions { HomeGuildId = "9", ApiBaseUrl = new Uri(_url).GetLeftPart(UriPartial.Authority) + "/api/v10" };
        var commands = new DialogsCommands(_live, _db.History, new AttachmentFetcher(_services.GetRequiredService<IHttpClientFactory>(), options), options, TimeProvider.System);
        var original = await File.ReadAllTextAsync(Path.Combine(_dialogs, "sample.yaml"));

        _served = original.Replace("kind: yesno", "kind: yes-no", StringComparison.Ordinal);
        var refused = string.Join("\n", (await commands.RunAsync(Upload(), "42", default)).Select(m => m.Content));
        Assert.Contains("refused", refused);
        Assert.Contains("error CC020", refused);
        Assert.Equal(original, await File.ReadAllTextAsync(Path.Combine(_dialogs, "sample.yaml")));

        _served = original.Replace("Have you done any research?", "Uploaded from Discord: any research?", StringComparison.Ordinal);
        var accepted = string.Join("\n", (await commands.RunAsync(Upload(), "42", default)).Select(m => m.Content));
        Assert.Contains("sample: live at", accepted);
        Assert.Contains("Uploaded from Discord", await File.ReadAllTextAsync(Path.Combine(_dialogs, "sample.yaml")));
        Assert.Equal("moderator 42", (await _db.History.ActivationsAsync(1, default))[0].Actor);
    }
}
