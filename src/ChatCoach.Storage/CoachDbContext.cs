using Microsoft.EntityFrameworkCore;

namespace ChatCoach.Storage;

/// <summary>
/// The schema, the same for every provider. EF Core owns it; each provider has its own context type only so that it
/// has its own migration set (<see cref="Sqlite.SqliteCoachDbContext"/>, <see cref="Postgres.PostgresCoachDbContext"/>).
/// Names come from <see cref="Schema"/>, which the hand-written SQL uses too.
/// </summary>
internal abstract class CoachDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<HandledEventRow> HandledEvents => Set<HandledEventRow>();

    public DbSet<TranscriptRow> Transcripts => Set<TranscriptRow>();

    public DbSet<FunnelCountRow> FunnelCounts => Set<FunnelCountRow>();

    public DbSet<ScriptVersionRow> ScriptVersions => Set<ScriptVersionRow>();

    public DbSet<ActivationRow> Activations => Set<ActivationRow>();

    public DbSet<BotStateRow> BotState => Set<BotStateRow>();

    public DbSet<LeaseRow> Leases => Set<LeaseRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionRow>(session =>
        {
            session.ToTable(Schema.Sessions.Table);
            session.HasKey(s => new { s.Platform, s.UserId });
            session.Property(s => s.Revision).IsConcurrencyToken();
        });

        modelBuilder.Entity<HandledEventRow>(handled =>
        {
            handled.ToTable(Schema.HandledEvents.Table);
            handled.HasKey(e => e.EventId);
            handled.HasIndex(e => new { e.Platform, e.UserId });
            handled.HasIndex(e => e.HandledAt);
        });

        modelBuilder.Entity<TranscriptRow>(transcript =>
        {
            transcript.ToTable(Schema.Transcripts.Table);
            transcript.HasIndex(t => new { t.Platform, t.UserId });
        });

        modelBuilder.Entity<FunnelCountRow>(funnel =>
        {
            funnel.ToTable(Schema.FunnelCounts.Table);
            funnel.HasKey(f => new { f.ScriptVersion, f.Node, f.Event });
        });

        modelBuilder.Entity<ScriptVersionRow>(version =>
        {
            version.ToTable(Schema.ScriptVersions.Table);
            version.HasKey(v => v.Version);
        });

        modelBuilder.Entity<ActivationRow>(activation =>
        {
            activation.ToTable(Schema.Activations.Table);
            activation.HasIndex(a => a.At);
        });

        modelBuilder.Entity<BotStateRow>(state =>
        {
            state.ToTable(Schema.BotState.Table);
            state.HasKey(s => s.Key);
        });

        modelBuilder.Entity<LeaseRow>(lease =>
        {
            lease.ToTable(Schema.Leases.Table);
            lease.HasKey(l => l.Name);
        });

        modelBuilder.Entity<OutboxRow>(outbox =>
        {
            outbox.ToTable(Schema.Outbox.Table);
            outbox.Property(o => o.Id).ValueGeneratedOnAdd().HasAnnotation("Sqlite:Autoincrement", true);
            outbox.HasIndex(o => o.NextAttemptAt);
            outbox.HasIndex(o => new { o.Platform, o.UserId, o.Id });
        });
    }
}
