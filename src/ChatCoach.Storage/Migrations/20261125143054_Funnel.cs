using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCoach.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Funnel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funnel_counts",
                columns: table => new
                {
                    ScriptVersion = table.Column<string>(type: "TEXT", nullable: false),
                    Node = table.Column<string>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funnel_counts", x => new { x.ScriptVersion, x.Node, x.Event });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funnel_counts");
        }
    }
}
