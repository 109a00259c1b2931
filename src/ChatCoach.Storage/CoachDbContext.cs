using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>The schema. EF Core owns it and its migrations; migrations apply themselves at start.</summary>
internal sealed class CoachDbContext(DbContextOptions<CoachDbContext> options) : DbContext(options)
{
    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<HandledEventRow> HandledEvents => Set<HandledEventRow>();

    public DbSet<TranscriptRow> Transcripts => Set<TranscriptRow>();

    public DbSet<FunnelCountRow> FunnelCounts => Set<FunnelCountRow>();

    public DbSet<ScriptVersionRow> ScriptVersions => Set<ScriptVersionRow>();

    public DbSet<ActivationRow> Activations => Set<ActivationRow>();

    public DbSet<BotStateRow> BotState => Set<BotStateRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionRow>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => new { s.Platform, s.UserId });
            session.Property(s => s.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<HandledEventRow>(handled =>
        {
            handled.ToTable("handled_events");
            handled.HasKey(e => e.EventId);
            handled.HasIndex(e => new { e.Platform, e.UserId });
            handled.HasIndex(e => e.HandledAt);
        });

        modelBuilder.Entity<TranscriptRow>(transcript =>
        {
            transcript.ToTable("transcripts");
            transcript.HasIndex(t => new { t.Platform, t.UserId });
        });

        modelBuilder.Entity<FunnelCountRow>(funnel =>
        {
            funnel.ToTable("funnel_counts");
            funnel.HasKey(f => new { f.ScriptVersion, f.Node, f.Event });
        });

        modelBuilder.Entity<ScriptVersionRow>(version =>
        {
            version.ToTable("script_versions");
            version.HasKey(v => v.Version);
        });

        modelBuilder.Entity<ActivationRow>(activation =>
        {
            activation.ToTable("activations");
            activation.HasIndex(a => a.At);
        });

        modelBuilder.Entity<BotStateRow>(state =>
        {
            state.ToTable("bot_state");
            state.HasKey(s => s.Key);
        });

        modelBuilder.Entity<OutboxRow>(outbox =>
        {
            outbox.ToTable("reply_outbox");
            outbox.Property(o => o.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            outbox.HasIndex(o => o.NextAttemptAt);
            outbox.HasIndex(o => new { o.Platform, o.UserId, o.Id });
        });
    }
}
