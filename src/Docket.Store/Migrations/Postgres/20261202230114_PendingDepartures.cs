using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingDepartures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pending_departure_on",
                table: "cases",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pending_departure_version",
                table: "cases",
                type: "integer",
                nullable: true);

            // A database written before this step has reports waiting: fill the queue from the log.
            migrationBuilder.Sql("UPDATE cases SET " + Docket.Store.Cases.FromLog.Columns);

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_pending_departure_on",
                table: "cases",
                columns: new[] { "office", "pending_departure_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_office_pending_departure_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "pending_departure_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "pending_departure_version",
                table: "cases");
        }
    }
}
