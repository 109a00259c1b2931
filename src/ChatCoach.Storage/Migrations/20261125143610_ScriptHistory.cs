using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCoach.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ScriptHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    ScriptId = table.Column<string>(type: "TEXT", nullable: false),
                    FromVersion = table.Column<string>(type: "TEXT", nullable: true),
                    ToVersion = table.Column<string>(type: "TEXT", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "script_versions",
                columns: table => new
                {
                    Version = table.Column<string>(type: "TEXT", nullable: false),
                    ScriptId = table.Column<string>(type: "TEXT", nullable: false),
                    File = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSeen = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_script_versions", x => x.Version);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activations_At",
                table: "activations",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activations");

            migrationBuilder.DropTable(
                name: "script_versions");
        }
    }
}
