using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Docket.Store.Migrations.Postgres
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
                    a_number = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    facts = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_case_contributions", x => x.a_number);
                });

            migrationBuilder.CreateTable(
                name: "stats_departure_cells",
                columns: table => new
                {
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_departure_cells", x => new { x.month, x.country, x.kind, x.source });
                });

            migrationBuilder.CreateTable(
                name: "stats_outcome_cells",
                columns: table => new
                {
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    relief = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    representation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    in_absentia = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_outcome_cells", x => new { x.month, x.court, x.relief, x.representation, x.in_absentia });
                });

            migrationBuilder.CreateTable(
                name: "stats_position",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_position", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stats_releases",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    through_month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false),
                    counting_rules = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: false),
                    tables = table.Column<string>(type: "text", nullable: false),
                    tables_sha256 = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stats_releases", x => x.number);
                });

            migrationBuilder.Sql(Docket.Store.Schema.StatisticsTriggers.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Docket.Store.Schema.StatisticsTriggers.PostgresDrop);

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
