using System.Net;
using System.Text.Json;
using ChatCoach.Discord.Emulator.Control;
using ChatCoach.Discord.Emulator.Interactions;
using ChatCoach.Discord.Emulator.Messages;
using ChatCoach.Discord.Emulator.RateLimits;
using ChatCoach.Discord.Emulator.Rest;
using ChatCoach.Discord.Emulator.Rest.Routes;
using ChatCoach.Discord.Emulator.Simulation;
using ChatCoach.Discord.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatCoach.Discord.Emulator;

/// <summary>
/// An in-process Discord (API v10): REST under <see cref="ApiBaseUrl"/> and the gateway WebSocket at
/// <see cref="GatewayUrl"/>, served by Kestrel on 127.0.0.1. It plays the users (DMs, clicks, commands),
/// records what the bot does, enforces Discord's rules and injects faults.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private readonly EmulatorCore _core;
    private readonly UserSimulator _users;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private volatile bool _gatewayRefused;

    private DiscordEmulator(EmulatorOptions options)
    {
        _core = new EmulatorCore(options);
        _users = new UserSimulator(_core);
    }

    /// <summary>The options it runs with.</summary>
    public EmulatorOptions Options => _core.Options;

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary><c>http://127.0.0.1:PORT/api/v10</c>: what a client uses instead of <c>https://discord.com/api/v10</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary><c>ws://127.0.0.1:PORT/</c>, the <c>url</c> that <c>GET /gateway/bot</c> returns.</summary>
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary><c>ws://127.0.0.1:PORT/resume</c>, the <c>resume_gateway_url</c> READY announces.</summary>
    public Uri ResumeGatewayUrl { get; private set; } = null!;

    // The snapshots below are read under EmulatorCore.Gate (Requests and the bot-message log use it as
    // their lock), so none of them shows what a REST request did before that request is in Requests.

    /// <summary>Every REST request, in order of completion.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _core.Requests.Snapshot();

    /// <summary>Everything the client did against Discord's rules (rate limits, late ACKs, bad bodies, gateway misuse…).</summary>
    public IReadOnlyList<ProtocolViolation> Violations => _core.Consistent(_core.Violations.Snapshot);

    /// <summary>Gateway frames in both directions (tokens redacted).</summary>
    public IReadOnlyList<GatewayFrame> GatewayFrames => _core.Gateway.Recorder.Frames.Snapshot();

    /// <summary>Gateway frames the client sent (Identify, Resume, heartbeats…).</summary>
    public IReadOnlyList<GatewayFrame> ReceivedFrames => [.. GatewayFrames.Where(f => f.Direction == FrameDirection.FromClient)];

    /// <summary>Gateway connections, open and closed.</summary>
    public IReadOnlyList<GatewayConnectionInfo> Connections => _core.Gateway.Connections();

    /// <summary>Interactions dispatched and how the bot answered them.</summary>
    public IReadOnlyList<EmulatedInteraction> Interactions => _core.Consistent(_core.Interactions.Snapshot);

    /// <summary>Accepted bulk overwrites of commands.</summary>
    public IReadOnlyList<CommandRegistration> CommandRegistrations => _core.Consistent(_core.Commands.Registrations.Snapshot);

    /// <summary>Starts Kestrel on 127.0.0.1 (port <see cref="EmulatorOptions.Port"/>, 0 = free).</summary>
    public static async Task<DiscordEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = new DiscordEmulator(options ?? new EmulatorOptions());
        try
        {
            await emulator.StartServerAsync(cancellationToken);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>A user writes to the bot in their DM: MESSAGE_CREATE with <c>channel_type</c> 1 and no <c>guild_id</c>. Returns the message id.</summary>
    /// <remarks>Dispatched to sessions that exist now (connected, or resumable and replayed on resume); call <see cref="WaitForReadyAsync"/> first.</remarks>
    public Task<string> SendDirectMessageAsync(string userId, string content, bool authorIsBot = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SendMessageAsync(userId, _core.Channels.DmWith(userId), content, authorIsBot, mentionBot: false);
    }

    /// <summary>A user sends the bot a file with no text in their DM (an image, say): MESSAGE_CREATE type 0 with an attachment and empty content.</summary>
    public Task<string> SendDirectAttachmentAsync(string userId, EmulatedAttachment file, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SendMessageAsync(userId, _core.Channels.DmWith(userId), string.Empty, authorIsBot: false, mentionBot: false, file);
    }

    /// <summary>A user writes in a guild text channel (null = the guild's "general"); content reaches the bot only with MESSAGE_CONTENT or a mention.</summary>
    public Task<string> SendGuildMessageAsync(string userId, string guildId, string content, string? channelId = null, bool mentionBot = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SendMessageAsync(userId, _core.Channels.GuildChannel(guildId, channelId), content, authorIsBot: false, mentionBot);
    }

    /// <summary>The user clicks a button on a bot message: INTERACTION_CREATE type 3. Returns the interaction id.</summary>
    public Task<string> ClickButtonAsync(string userId, string messageId, string customId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.ClickButtonAsync(userId, messageId, customId);
    }

    /// <summary>The user picks one option of a select menu: INTERACTION_CREATE type 3 with <c>values</c>.</summary>
    public Task<string> SelectAsync(string userId, string messageId, string customId, string value, CancellationToken cancellationToken = default) =>
        SelectAsync(userId, messageId, customId, [value], cancellationToken);

    /// <summary>The user picks several options of a select menu.</summary>
    public Task<string> SelectAsync(string userId, string messageId, string customId, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SelectAsync(userId, messageId, customId, values);
    }

    /// <summary>
    /// The user runs a slash command (INTERACTION_CREATE type 2): in the bot's DM (context 1) when
    /// <paramref name="guild"/> is null, else in that guild as a member with its permissions and roles.
    /// The command must have been registered by the bot in that scope. Returns the interaction id.
    /// </summary>
    public Task<string> SlashCommandAsync(string userId, string name, IReadOnlyList<CommandOptionValue>? options = null, GuildInvocation? guild = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SlashCommandAsync(userId, name, options ?? [], guild);
    }

    /// <summary>
    /// The user runs a slash command in a group DM the bot is not part of (context 2, a user-installed app): the bot may
    /// answer only through the interaction; channel messages there get 403 / 50001. Returns the interaction id.
    /// </summary>
    public Task<string> SlashCommandInGroupDmAsync(string userId, string name, IReadOnlyList<CommandOptionValue>? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SlashCommandAsync(userId, name, options ?? [], guild: null, groupDm: true);
    }

    /// <summary>The id of the user's group DM (see <see cref="SlashCommandInGroupDmAsync"/>).</summary>
    public string GroupDmChannelId(string userId) => _core.Channels.GroupDmOf(userId).Id;

    /// <summary>The user submits the modal that the bot opened in answer to <paramref name="interactionId"/> (values by custom_id). Returns the new interaction id.</summary>
    public Task<string> SubmitModalAsync(string userId, string interactionId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _users.SubmitModalAsync(userId, interactionId, values);
    }

    /// <summary>Makes the user refuse DMs from the bot: channel messages to them get 403 / 50007.</summary>
    public void SetDirectMessagesBlocked(string userId, bool blocked) => _core.Users.SetDirectMessagesBlocked(userId, blocked);

    /// <summary>The id of the DM channel between the bot and the user (created if needed, as Discord keeps one per pair).</summary>
    public string DmChannelId(string userId) => _core.Channels.DmWith(userId).Id;

    /// <summary>Bot messages in a channel, latest state, oldest first (deleted ones left out).</summary>
    public IReadOnlyList<EmulatedMessage> Messages(string channelId) => _core.Consistent(() => _core.Messages.LatestBotMessages(c => c.Id == channelId));

    /// <summary>Bot messages in the user's DM (channel messages, interaction responses and follow-ups).</summary>
    public IReadOnlyList<EmulatedMessage> MessagesToUser(string userId) => _core.Consistent(() => _core.Messages.LatestBotMessages(c => c.IsDm && c.RecipientId == userId));

    /// <summary>All bot messages, latest state.</summary>
    public IReadOnlyList<EmulatedMessage> BotMessages() => _core.Consistent(() => _core.Messages.LatestBotMessages(_ => true));

    /// <summary>The interaction with that id, or null.</summary>
    public EmulatedInteraction? Interaction(string interactionId) => Interactions.FirstOrDefault(i => i.Id == interactionId);

    /// <summary>Commands currently registered globally (null) or in a guild.</summary>
    public IReadOnlyList<JsonElement> RegisteredCommands(string? guildId = null) => _core.Consistent<IReadOnlyList<JsonElement>>(() => [.. _core.Commands.List(guildId).Select(Wire.ToElement)]);

    /// <summary>Waits for a bot message state (any creation, edit or deletion, including earlier ones) that matches.</summary>
    public Task<EmulatedMessage> WaitForMessageAsync(Func<EmulatedMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _core.Messages.BotLog.WaitAsync(predicate, timeout, "bot message", cancellationToken);

    /// <summary>Waits for a recorded REST request (including earlier ones) that matches.</summary>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _core.Requests.WaitAsync(predicate, timeout, "REST request", cancellationToken);

    /// <summary>Waits for a gateway frame (either direction, including earlier ones) that matches.</summary>
    public Task<GatewayFrame> WaitForFrameAsync(Func<GatewayFrame, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _core.Gateway.Recorder.Frames.WaitAsync(predicate, timeout, "gateway frame", cancellationToken);

    /// <summary>Waits until an open connection has a session that got READY or RESUMED.</summary>
    public Task WaitForReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _core.Gateway.WaitForReadyAsync(timeout, cancellationToken);

    /// <summary>Drops every gateway connection without a close frame (as a network failure would); sessions stay resumable.</summary>
    public Task DropConnectionsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _core.Gateway.AbortOpen();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops (or starts again) accepting gateway connections: while refused, a WebSocket upgrade gets HTTP 503, as a
    /// gateway outage would answer. Open connections are left alone; drop them with <see cref="DropConnectionsAsync"/>.
    /// </summary>
    public void RefuseGatewayConnections(bool refuse) => _gatewayRefused = refuse;

    /// <summary>Sends op 7 Reconnect on every open connection.</summary>
    public Task SendReconnectAsync(CancellationToken cancellationToken = default) =>
        _core.Gateway.SendToOpenAsync("{\"op\":7,\"d\":null}").WaitAsync(cancellationToken);

    /// <summary>Sends op 9 Invalid Session; with <paramref name="resumable"/> false the sessions end.</summary>
    public Task SendInvalidSessionAsync(bool resumable, CancellationToken cancellationToken = default)
    {
        if (!resumable)
        {
            foreach (var connection in _core.Gateway.OpenConnections())
            {
                connection.Session?.Invalidate();
                connection.Session = null;
            }
        }

        return _core.Gateway.SendToOpenAsync(resumable ? "{\"op\":9,\"d\":true}" : "{\"op\":9,\"d\":false}").WaitAsync(cancellationToken);
    }

    /// <summary>Sends op 1 (server-requested heartbeat); the client must answer with op 1 at once.</summary>
    public Task RequestHeartbeatAsync(CancellationToken cancellationToken = default) =>
        _core.Gateway.SendToOpenAsync("{\"op\":1,\"d\":null}").WaitAsync(cancellationToken);

    /// <summary>Stops (or resumes) answering heartbeats with op 11, making the connection a zombie.</summary>
    public void StopHeartbeatAcks(bool stop) => _core.Gateway.HeartbeatAcksStopped = stop;

    /// <summary>Closes every open gateway connection with a close code (4000–4014); codes that end sessions (4003, 4004, 4007, 4009–4014) invalidate them.</summary>
    public Task CloseConnectionsAsync(int closeCode, CancellationToken cancellationToken = default) =>
        _core.Gateway.CloseOpenAsync(closeCode, $"Closed by the emulator ({closeCode}).").WaitAsync(cancellationToken);

    /// <summary>Answers the next <paramref name="count"/> matching REST requests with <paramref name="status"/> (e.g. 500).</summary>
    /// <param name="routePrefix">Path prefix relative to the API base, optionally preceded by a method: <c>/channels</c>, <c>POST /channels/123/messages</c>.</param>
    /// <param name="status">HTTP status, 400 or higher.</param>
    /// <param name="count">How many requests fail.</param>
    public void FailNext(string routePrefix, int status, int count = 1) => _core.Faults.FailNext(RoutePrefix.Parse(routePrefix), status, count);

    /// <summary>
    /// Processes the next <paramref name="count"/> matching REST requests (their effect stands: a message is posted, an
    /// interaction answered) and then answers with a 500 or drops the connection, so the client cannot know it landed.
    /// </summary>
    public void FaultAfterProcessing(string routePrefix, AfterwardsFault fault, int count = 1) => _core.Faults.FaultAfter(RoutePrefix.Parse(routePrefix), fault, count);

    /// <summary>Holds the next matching REST request before processing it, until released; if its client goes away meanwhile, it is never processed.</summary>
    public HeldRequest HoldNext(string routePrefix) => _core.Faults.Hold(RoutePrefix.Parse(routePrefix));

    /// <summary>401, 403 and 429 answers in the last 10 minutes (Discord bans an IP for a while past 10,000).</summary>
    public int InvalidRequestCount => _core.InvalidRequests.InWindow(_core.Time.GetUtcNow());

    /// <summary>
    /// Answers the next matching REST request with a real 429 (headers and body) and keeps that bucket
    /// (or, with <paramref name="global"/>, every non-exempt route) closed for <paramref name="retryAfter"/>;
    /// requests sent before then are violations.
    /// </summary>
    public void RateLimitNext(string routePrefix, TimeSpan retryAfter, bool global = false) =>
        _core.RateLimiter.InjectRateLimit(RoutePrefix.Parse(routePrefix), retryAfter, global);

    /// <summary>The application's public key in hex (the developer portal's "Public Key"): set it as the bot's ChatCoach:Discord:PublicKey.</summary>
    public string InteractionsPublicKey => Delivery.Signer.PublicKeyHex;

    /// <summary>How the interactions endpoints answered each HTTP delivery, in order.</summary>
    public IReadOnlyList<HttpInteractionAnswer> HttpAnswers => _core.Consistent(Delivery.Answers.Snapshot);

    /// <summary>Delivers an interaction again, to <paramref name="endpoint"/> (a load balancer retrying it on another replica).</summary>
    public Task<HttpInteractionAnswer> DeliverInteractionAsync(string interactionId, Uri endpoint)
    {
        var interaction = _core.Interactions.WithId(interactionId, i => i) ?? throw new ArgumentException($"no interaction {interactionId}", nameof(interactionId));
        return Delivery.DeliverAsync(interaction, endpoint);
    }

    /// <summary>
    /// Sends <paramref name="body"/> to an interactions endpoint as Discord would, or with <paramref name="fault"/>
    /// (forged, unsigned, replayed): the status and body of the answer. A PING (<c>{"type":1}</c>) is how the portal checks the URL.
    /// </summary>
    public Task<(int Status, string Body)> SendInteractionRequestAsync(Uri endpoint, string body, InteractionRequestFault fault = InteractionRequestFault.None) =>
        Delivery.SendAsync(endpoint, System.Text.Encoding.UTF8.GetBytes(body), fault);

    private HttpInteractionDelivery Delivery => _core.HttpDelivery ?? throw new InvalidOperationException("the emulator is not started");

    /// <summary>Stops the server; open gateway sockets are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _core.Gateway.AbortOpen();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Shutdown took too long; disposing below drops what is left.
            }

            await _app.DisposeAsync();
        }

        _core.HttpDelivery?.Dispose();
        _stopping.Dispose();
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DiscordEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Options.Port));
        _app = builder.Build();

        var composer = new MessageComposer(_core);
        var routes = new RouteTable();
        new GatewayRoutes(_core).Register(routes);
        new UserRoutes(_core).Register(routes);
        new ChannelRoutes(_core, composer).Register(routes);
        var interactions = new InteractionRoutes(_core, composer);
        interactions.Register(routes);
        _core.HttpDelivery = new HttpInteractionDelivery(_core, interactions);
        new WebhookRoutes(_core, composer).Register(routes);
        new CommandRoutes(_core).Register(routes);
        var rest = new RestPipeline(_core, routes);
        var control = new ControlEndpoints(this);

        _app.UseWebSockets();
        _app.Run(http => RouteAsync(http, rest, control));
        await _app.StartAsync(cancellationToken);

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _core.Attachments.BaseUrl = BaseUrl;
        ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/api/v10");
        GatewayUrl = new Uri($"ws://127.0.0.1:{port}/");
        ResumeGatewayUrl = new Uri($"ws://127.0.0.1:{port}/resume");
    }

    private async Task ServeAttachmentAsync(HttpContext http, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || _core.Attachments.Find(parts[1]) is not { } file)
        {
            http.Response.StatusCode = 404;
            return;
        }

        http.Response.ContentType = file.ContentType;
        await http.Response.Body.WriteAsync(file.Content, http.RequestAborted);
    }

    private Task RouteAsync(HttpContext http, RestPipeline rest, ControlEndpoints control)
    {
        var path = http.Request.Path.Value ?? "/";
        if (http.WebSockets.IsWebSocketRequest && path.TrimEnd('/') is "" or "/resume")
        {
            if (_gatewayRefused)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            return _core.Gateway.AcceptAsync(http, _stopping.Token);
        }

        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return rest.HandleAsync(http);
        }

        if (path.StartsWith("/attachments/", StringComparison.Ordinal))
        {
            return ServeAttachmentAsync(http, path);
        }

        if (Options.EnableControlEndpoints && path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            return control.HandleAsync(http);
        }

        http.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
