using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCoach.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActivationReplica : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Replica",
                table: "activations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Replica",
                table: "activations");
        }
    }
}
