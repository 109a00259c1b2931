using ChatCoach.Discord.Emulator.Gateway;
using ChatCoach.Discord.Emulator.Interactions;
using ChatCoach.Discord.Emulator.Payloads;
using ChatCoach.Discord.Emulator.RateLimits;
using ChatCoach.Discord.Emulator.Schema;
using ChatCoach.Discord.Emulator.State;

namespace ChatCoach.Discord.Emulator;

/// <summary>The emulated Discord's state and services, shared by the REST handlers, the gateway and the simulated users.</summary>
internal sealed class EmulatorCore
{
    public EmulatorCore(EmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Messages = new MessageStore(Gate);
        Requests = new EventLog<RecordedRequest>(Gate);
        Ids = new SnowflakeGenerator(Time);
        Channels = new ChannelDirectory(Ids);
        Attachments = new AttachmentStore(Ids);
        Commands = new CommandStore(Ids, options.ApplicationId);
        Spec = OpenApiSpec.LoadEmbedded();
        Validator = new RequestBodyValidator(Spec);
        RateLimiter = new RateLimiter(options);
        StartedAt = Time.GetUtcNow();
        Gateway = new GatewayHub(options, Violations, guildId =>
        {
            Channels.GuildChannel(guildId, null);
            return GuildPayloads.GuildCreate(guildId, Channels.InGuild(guildId), options.BotUserId, StartedAt);
        });
        Events = new EventPublisher(this);
    }

    /// <summary>
    /// Serialises REST requests against what tests read. A request runs its handler and appends its
    /// <see cref="RecordedRequest"/> under this lock, and the public snapshots and waits take it too, so
    /// a test that sees what a request did (a message, an interaction's answer, a violation) also finds
    /// the request on record. Lock order: this first, then the stores' own locks; code holding a store's
    /// lock may take it only if it already holds it (REST handlers publishing bot messages do).
    /// </summary>
    public Lock Gate { get; } = new();

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset StartedAt { get; }

    public SnowflakeGenerator Ids { get; }

    public UserDirectory Users { get; } = new();

    public ChannelDirectory Channels { get; }

    public AttachmentStore Attachments { get; }

    public MessageStore Messages { get; }

    public InteractionStore Interactions { get; } = new();

    public CommandStore Commands { get; }

    public OpenApiSpec Spec { get; }

    public RequestBodyValidator Validator { get; }

    public RateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; } = new();

    public InvalidRequestCounter InvalidRequests { get; } = new();

    public EventLog<RecordedRequest> Requests { get; }

    public EventLog<ProtocolViolation> Violations { get; } = new();

    public GatewayHub Gateway { get; }

    public EventPublisher Events { get; }

    /// <summary>Sends interactions to the bot's endpoints over HTTP; set once the REST routes exist.</summary>
    public HttpInteractionDelivery? HttpDelivery { get; set; }

    /// <summary>Reads under <see cref="Gate"/>: never between a request's side effects and its record.</summary>
    public T Consistent<T>(Func<T> read)
    {
        lock (Gate)
        {
            return read();
        }
    }

    public void Violation(ViolationKind kind, string detail) => Violations.Add(new ProtocolViolation(kind, detail, Time.GetUtcNow()));
}
