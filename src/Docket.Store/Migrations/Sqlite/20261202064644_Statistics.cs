using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Statistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stats_case_contributions",
                columns: table => new
                {
                    a_number = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    facts = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_case_contributions", x => x.a_number);
                });

            migrationBuilder.CreateTable(
                name: "stats_departure_cells",
                columns: table => new
                {
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    country = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_departure_cells", x => new { x.month, x.country, x.kind, x.source });
                });

            migrationBuilder.CreateTable(
                name: "stats_outcome_cells",
                columns: table => new
                {
                    month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    relief = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    representation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    in_absentia = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_outcome_cells", x => new { x.month, x.court, x.relief, x.representation, x.in_absentia });
                });

            migrationBuilder.CreateTable(
                name: "stats_position",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_position", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stats_releases",
                columns: table => new
                {
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    through_month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    counting_rules = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    tables = table.Column<string>(type: "TEXT", nullable: false),
                    tables_sha256 = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_releases", x => x.number);
                });

            migrationBuilder.Sql(Docket.Store.Schema.StatisticsTriggers.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Docket.Store.Schema.StatisticsTriggers.SqliteDrop);

            migrationBuilder.DropTable(
                name: "stats_case_contributions");

            migrationBuilder.DropTable(
                name: "stats_departure_cells");

            migrationBuilder.DropTable(
                name: "stats_outcome_cells");

            migrationBuilder.DropTable(
                name: "stats_position");

            migrationBuilder.DropTable(
                name: "stats_releases");
        }
    }
}
