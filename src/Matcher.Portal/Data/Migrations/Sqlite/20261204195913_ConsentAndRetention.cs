using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Matcher.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsentRecordedBy",
                table: "Students",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentTextVersion",
                table: "Students",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ConsentWithdrawnAt",
                table: "Students",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Students_UpdatedAt",
                table: "Students",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_CreatedAt",
                table: "MatchRuns",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Students_UpdatedAt",
                table: "Students");

            migrationBuilder.DropIndex(
                name: "IX_MatchRuns_CreatedAt",
                table: "MatchRuns");

            migrationBuilder.DropColumn(
                name: "ConsentRecordedBy",
                table: "Students");

            migrationBuilder.DropColumn(
                name: "ConsentTextVersion",
                table: "Students");

            migrationBuilder.DropColumn(
                name: "ConsentWithdrawnAt",
                table: "Students");
        }
    }
}
