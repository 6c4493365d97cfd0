using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseloadColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bar_number",
                table: "users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attorney_bar_number",
                table: "cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "next_hearing_on",
                table: "cases",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_attorney_bar_number",
                table: "cases",
                column: "attorney_bar_number");

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_next_hearing_on",
                table: "cases",
                columns: new[] { "office", "next_hearing_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_attorney_bar_number",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_next_hearing_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "bar_number",
                table: "users");

            migrationBuilder.DropColumn(
                name: "attorney_bar_number",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "next_hearing_on",
                table: "cases");
        }
    }
}
