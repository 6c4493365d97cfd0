using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BreakGlassReadsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_access_log_break_glass_id",
                table: "access_log");

            migrationBuilder.CreateIndex(
                name: "ix_access_log_break_glass_reads",
                table: "access_log",
                column: "id",
                filter: "break_glass");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_access_log_break_glass_reads",
                table: "access_log");

            migrationBuilder.CreateIndex(
                name: "ix_access_log_break_glass_id",
                table: "access_log",
                columns: new[] { "break_glass", "id" });
        }
    }
}
