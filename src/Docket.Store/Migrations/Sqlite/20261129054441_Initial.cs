using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    a_number = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", nullable: false),
                    given_names = table.Column<string>(type: "TEXT", nullable: false),
                    date_of_birth = table.Column<string>(type: "TEXT", nullable: false),
                    citizenship = table.Column<string>(type: "TEXT", nullable: false),
                    office = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    access_code_hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.a_number);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    a_number = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    effective_on = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    recorded_at = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    prev_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    office = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    token_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_family_name_date_of_birth",
                table: "cases",
                columns: new[] { "office", "family_name", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_events_a_number_version",
                table: "events",
                columns: new[] { "a_number", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_name",
                table: "users",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_token_hash",
                table: "users",
                column: "token_hash",
                unique: true);

            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.SqliteDrop);

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
