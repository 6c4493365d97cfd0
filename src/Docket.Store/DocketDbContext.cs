using Docket.Store.Access;
using Docket.Store.Audit;
using Docket.Store.Cases;
using Docket.Store.Events;
using Docket.Store.Staff;
using Docket.Store.Statistics;
using Docket.Store.Users;
using Microsoft.EntityFrameworkCore;

namespace Docket.Store;

/// <summary>
/// The schema. Each database has its own subclass so that each keeps its own migrations;
/// the model is the same.
/// </summary>
public abstract class DocketDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<CaseRow> Cases => Set<CaseRow>();

    public DbSet<CaseDeadlineRow> CaseDeadlines => Set<CaseDeadlineRow>();

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<MerkleNodeRow> MerkleNodes => Set<MerkleNodeRow>();

    public DbSet<AccessLogRow> AccessLog => Set<AccessLogRow>();

    public DbSet<BreakGlassReviewRow> BreakGlassReviews => Set<BreakGlassReviewRow>();

    public DbSet<StaffCredentialRow> StaffCredentials => Set<StaffCredentialRow>();

    public DbSet<StatisticsReleaseRow> StatisticsReleases => Set<StatisticsReleaseRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).ValueGeneratedNever();
            e.Property(x => x.ANumber).HasMaxLength(9);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.EffectiveOn).HasMaxLength(10);
            e.Property(x => x.RecordedAt).HasMaxLength(24);
            e.Property(x => x.RecordedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.ANumber, x.Version }).IsUnique();
        });
        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Office).HasMaxLength(32);
            e.Property(x => x.BarNumber).HasMaxLength(64);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("cases");
            e.HasKey(x => x.ANumber);
            e.Property(x => x.ANumber).HasMaxLength(9);
            e.Property(x => x.Office).HasMaxLength(32);
            e.Property(x => x.Stage).HasMaxLength(32);
            e.Property(x => x.AttorneyBarNumber).HasMaxLength(64);
            e.Property(x => x.NextHearingOn).HasMaxLength(10);
            e.HasIndex(x => new { x.Office, x.FamilyName, x.DateOfBirth });
            e.HasIndex(x => x.AttorneyBarNumber);
            e.HasIndex(x => new { x.Office, x.NextHearingOn });
            e.Property(x => x.LastRecordedAt).HasMaxLength(24);
            e.HasIndex(x => new { x.Office, x.LastRecordedAt });
            e.HasIndex(x => new { x.AttorneyBarNumber, x.LastRecordedAt });
            e.Property(x => x.PendingDepartureOn).HasMaxLength(10);
            e.HasIndex(x => new { x.Office, x.PendingDepartureOn });
            e.Ignore(x => x.RunningDeadlines);
        });
        modelBuilder.Entity<CaseDeadlineRow>(e =>
        {
            e.ToTable("case_deadlines");
            e.HasKey(x => new { x.ANumber, x.Seq });
            e.Property(x => x.ANumber).HasMaxLength(9);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Due).HasMaxLength(10);
            e.Property(x => x.Rule).HasMaxLength(64);
            e.Property(x => x.ListedFrom).HasMaxLength(10);
            e.Property(x => x.ListedUntil).HasMaxLength(10);
            e.Property(x => x.Office).HasMaxLength(32);
            e.Property(x => x.AttorneyBarNumber).HasMaxLength(64);
            e.HasIndex(x => new { x.Office, x.Due });
            e.HasIndex(x => new { x.AttorneyBarNumber, x.Due });
        });
        modelBuilder.Entity<CheckpointRow>(e =>
        {
            e.ToTable("checkpoints");
            e.Property(x => x.IssuedAt).HasMaxLength(24);
            e.HasIndex(x => x.TreeSize);
        });
        modelBuilder.Entity<MerkleNodeRow>(e =>
        {
            e.ToTable("merkle_nodes");
            e.HasKey(x => new { x.Level, x.Index });
        });
        modelBuilder.Entity<AccessLogRow>(e =>
        {
            e.ToTable("access_log");
            e.Property(x => x.At).HasMaxLength(24);
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.Office).HasMaxLength(32);
            e.Property(x => x.ANumber).HasMaxLength(9);
            e.Property(x => x.Purpose).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.HasIndex(x => new { x.ANumber, x.Id });
            // Only the break-glass reads (the review queue, the log's break-glass filter) are
            // looked up by it: a partial index is written for them alone, not for every read.
            e.HasIndex(x => x.Id).HasDatabaseName("ix_access_log_break_glass_reads").HasFilter("break_glass");
        });
        modelBuilder.Entity<BreakGlassReviewRow>(e =>
        {
            e.ToTable("break_glass_reviews");
            e.Property(x => x.At).HasMaxLength(24);
            e.Property(x => x.Reviewer).HasMaxLength(200);
            e.Property(x => x.ReviewerRole).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(Access.BreakGlassReviews.MaxNote);
            e.HasIndex(x => x.AccessId).IsUnique();
            e.HasOne<AccessLogRow>().WithMany().HasForeignKey(x => x.AccessId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<StaffCredentialRow>(e =>
        {
            e.ToTable("staff_credentials");
            e.HasKey(x => x.UserName);
            e.Property(x => x.UserName).HasMaxLength(200);
            e.Property(x => x.PasswordHash).HasMaxLength(400);
            e.HasIndex(x => x.SetupTokenHash).IsUnique();
        });
        OnStatisticsCreating(modelBuilder);
    }

    private static void OnStatisticsCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseContributionRow>(e =>
        {
            e.ToTable("stats_case_contributions");
            e.HasKey(x => x.ANumber);
            e.Property(x => x.ANumber).HasMaxLength(9);
        });
        modelBuilder.Entity<DepartureCellRow>(e =>
        {
            e.ToTable("stats_departure_cells");
            e.HasKey(x => new { x.Month, x.Country, x.Kind, x.Source });
            e.Property(x => x.Month).HasMaxLength(7);
            e.Property(x => x.Country).HasMaxLength(3);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Source).HasMaxLength(32);
        });
        modelBuilder.Entity<OutcomeCellRow>(e =>
        {
            e.ToTable("stats_outcome_cells");
            e.HasKey(x => new { x.Month, x.Court, x.Relief, x.Representation, x.InAbsentia });
            e.Property(x => x.Month).HasMaxLength(7);
            e.Property(x => x.Court).HasMaxLength(200);
            e.Property(x => x.Relief).HasMaxLength(32);
            e.Property(x => x.Representation).HasMaxLength(16);
            e.Property(x => x.InAbsentia).HasMaxLength(5);
        });
        modelBuilder.Entity<StatisticsPositionRow>(e =>
        {
            e.ToTable("stats_position");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<StatisticsReleaseRow>(e =>
        {
            e.ToTable("stats_releases");
            e.HasKey(x => x.Number);
            e.Property(x => x.Number).ValueGeneratedNever();
            e.Property(x => x.IssuedAt).HasMaxLength(24);
            e.Property(x => x.ThroughMonth).HasMaxLength(7);
        });
    }
}

public sealed class SqliteDocketDbContext(DbContextOptions<SqliteDocketDbContext> options) : DocketDbContext(options);

public sealed class PostgresDocketDbContext(DbContextOptions<PostgresDocketDbContext> options) : DocketDbContext(options);
