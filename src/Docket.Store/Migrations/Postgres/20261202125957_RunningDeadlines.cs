using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunningDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_recorded_at",
                table: "cases",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_deadlines",
                columns: table => new
                {
                    a_number = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    due = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    listed_from = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    listed_until = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    office = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attorney_bar_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_deadlines", x => new { x.a_number, x.seq });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_attorney_bar_number_last_recorded_at",
                table: "cases",
                columns: new[] { "attorney_bar_number", "last_recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_last_recorded_at",
                table: "cases",
                columns: new[] { "office", "last_recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_deadlines_attorney_bar_number_due",
                table: "case_deadlines",
                columns: new[] { "attorney_bar_number", "due" });

            migrationBuilder.CreateIndex(
                name: "ix_case_deadlines_office_due",
                table: "case_deadlines",
                columns: new[] { "office", "due" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_deadlines");

            migrationBuilder.DropIndex(
                name: "ix_cases_attorney_bar_number_last_recorded_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_last_recorded_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "last_recorded_at",
                table: "cases");
        }
    }
}
