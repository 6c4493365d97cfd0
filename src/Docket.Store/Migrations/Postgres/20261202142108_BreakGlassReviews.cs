using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Docket.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BreakGlassReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "break_glass_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    access_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reviewer_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_break_glass_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_break_glass_reviews_access_log_access_id",
                        column: x => x.access_id,
                        principalTable: "access_log",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_break_glass_id",
                table: "access_log",
                columns: new[] { "break_glass", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_break_glass_reviews_access_id",
                table: "break_glass_reviews",
                column: "access_id",
                unique: true);

            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.PostgresReviews);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.PostgresReviewsDrop);

            migrationBuilder.DropTable(
                name: "break_glass_reviews");

            migrationBuilder.DropIndex(
                name: "ix_access_log_break_glass_id",
                table: "access_log");
        }
    }
}
