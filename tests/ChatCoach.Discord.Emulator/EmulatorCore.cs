using ChatCoach.Discord.Emulator.Gateway;
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
        Ids = new SnowflakeGenerator(Time);
        Channels = new ChannelDirectory(Ids);
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

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public DateTimeOffset StartedAt { get; }

    public SnowflakeGenerator Ids { get; }

    public UserDirectory Users { get; } = new();

    public ChannelDirectory Channels { get; }

    public MessageStore Messages { get; } = new();

    public InteractionStore Interactions { get; } = new();

    public CommandStore Commands { get; }

    public OpenApiSpec Spec { get; }

    public RequestBodyValidator Validator { get; }

    public RateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; } = new();

    public EventLog<RecordedRequest> Requests { get; } = new();

    public EventLog<ProtocolViolation> Violations { get; } = new();

    public GatewayHub Gateway { get; }

    public EventPublisher Events { get; }

    public void Violation(ViolationKind kind, string detail) => Violations.Add(new ProtocolViolation(kind, detail, Time.GetUtcNow()));
}
