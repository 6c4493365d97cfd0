using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_credentials",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    totp_secret = table.Column<byte[]>(type: "bytea", nullable: false),
                    last_totp_step = table.Column<long>(type: "bigint", nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    setup_token_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    setup_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_credentials", x => x.user_name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_credentials_setup_token_hash",
                table: "staff_credentials",
                column: "setup_token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_credentials");
        }
    }
}
