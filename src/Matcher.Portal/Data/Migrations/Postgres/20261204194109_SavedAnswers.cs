using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matcher.Portal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SavedAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessCodeHash",
                table: "Students",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Students_AccessCodeHash",
                table: "Students",
                column: "AccessCodeHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Students_AccessCodeHash",
                table: "Students");

            migrationBuilder.DropColumn(
                name: "AccessCodeHash",
                table: "Students");
        }
    }
}
