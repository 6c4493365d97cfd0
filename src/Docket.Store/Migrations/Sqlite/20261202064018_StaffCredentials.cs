using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
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
                    user_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    totp_secret = table.Column<byte[]>(type: "BLOB", nullable: false),
                    last_totp_step = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    setup_token_hash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    setup_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
