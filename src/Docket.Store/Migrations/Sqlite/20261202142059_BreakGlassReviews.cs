using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    access_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    reviewer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reviewer_role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
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

            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.SqliteReviews);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.SqliteReviewsDrop);

            migrationBuilder.DropTable(
                name: "break_glass_reviews");

            migrationBuilder.DropIndex(
                name: "ix_access_log_break_glass_id",
                table: "access_log");
        }
    }
}
