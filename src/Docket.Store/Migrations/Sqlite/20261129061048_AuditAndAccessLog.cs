using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAndAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    office = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    a_number = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    break_glass = table.Column<bool>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "checkpoints",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    issued_at = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    signature = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "merkle_nodes",
                columns: table => new
                {
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    index = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merkle_nodes", x => new { x.level, x.index });
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_a_number_id",
                table: "access_log",
                columns: new[] { "a_number", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_tree_size",
                table: "checkpoints",
                column: "tree_size");

            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.SqliteAudit);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Docket.Store.Schema.AppendOnlyTriggers.SqliteAuditDrop);

            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "checkpoints");

            migrationBuilder.DropTable(
                name: "merkle_nodes");
        }
    }
}
