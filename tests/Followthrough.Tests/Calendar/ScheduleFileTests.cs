using Followthrough.Calendar;

namespace Followthrough.Tests.Calendar;

public sealed class ScheduleFileTests
{
    private const string Json2027 = """
        {
            "year": 2027,
            "papers": ["https://example.gov.cn/notice-2027"],
            "days": [
                { "name": "元旦", "date": "2026-12-31", "isOffDay": true },
                { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
                { "name": "春节", "date": "2027-02-06", "isOffDay": false },
                { "name": "春节", "date": "2027-02-08", "isOffDay": true }
            ]
        }
        """;

    [Fact]
    public void Json_HolidayCnFormat_IsRead()
    {
        var result = ScheduleFile.Read(Json2027, ScheduleFormat.Json);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(2027, result.Schedule!.Year);
        Assert.Equal(4, result.Schedule.Days.Count);
        Assert.Equal(new ScheduledDay(new DateOnly(2027, 2, 6), false, "春节"), result.Schedule.Days[2]);
        Assert.Equal(["https://example.gov.cn/notice-2027"], result.Papers);
    }

    [Fact]
    public void Json_EveryShippedFileWithDays_IsValid()
    {
        foreach (var file in Directory.GetFiles(HolidayDataset.ShippedFolder(), "20??.json"))
        {
            var result = ScheduleFile.Read(File.ReadAllText(file), ScheduleFormat.Json);
            var year = int.Parse(Path.GetFileNameWithoutExtension(file), System.Globalization.CultureInfo.InvariantCulture);
            if (year == 2027)
            {
                Assert.Equal("The file lists no days.", Assert.Single(result.Problems).Message);
            }
            else
            {
                Assert.True(result.IsValid, $"{file}: {string.Join("; ", result.Problems)}");
            }
        }
    }

    [Fact]
    public void Csv_WithHeaderCommentsAndNames_IsRead_YearFromTheLatestDate()
    {
        var csv = "date,kind,name\n# the 2027 notice\n2026-12-31,off,元旦\r\n2027-01-01,OFF,元旦\n\n2027-02-06,work,\"春节, 调休\"\n2027-05-03,off\n";
        var result = ScheduleFile.Read(csv, ScheduleFormat.Csv);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(2027, result.Schedule!.Year);
        Assert.Equal(4, result.Schedule.Days.Count);
        Assert.Equal("春节, 调休", result.Schedule.Days[2].Name);
        Assert.Equal(string.Empty, result.Schedule.Days[3].Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\r\n")]
    public void EmptyFile_IsRejected(string content)
    {
        var result = ScheduleFile.Read(content, ScheduleFormat.Csv);
        Assert.Null(result.Schedule);
        Assert.Equal("The file is empty.", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void NoDays_IsRejected_InBothFormats()
    {
        Assert.Equal("The file lists no days.", Assert.Single(ScheduleFile.Read("""{ "year": 2027, "papers": [], "days": [] }""", ScheduleFormat.Json).Problems).Message);
        Assert.Equal("The file lists no days.", Assert.Single(ScheduleFile.Read("date,kind,name\n", ScheduleFormat.Csv).Problems).Message);
    }

    [Fact]
    public void MalformedJson_IsReportedWithItsLine()
    {
        var result = ScheduleFile.Read("{\n  \"year\": 2027,\n  \"days\": [\n    { \"date\": \"2027-01-01\", \"isOffDay\": true, }\n  ]\n}", ScheduleFormat.Json);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(4, problem.Line);
        Assert.StartsWith("The JSON could not be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCsvLines_AreEachReported()
    {
        var result = ScheduleFile.Read("2027-01-01,off,元旦\n2027-01-02\n2027-01-03,holiday,元旦\n", ScheduleFormat.Csv);
        Assert.Null(result.Schedule);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal((2, "expected date,off|work[,name] but found \"2027-01-02\"."), (p.Line!.Value, p.Message)),
            p => Assert.Equal((3, "the second field must be off (a rest day) or work (a working day), not \"holiday\"."), (p.Line!.Value, p.Message)));
    }

    [Fact]
    public void InvalidDates_AreReportedWithTheirLines()
    {
        var json = "{ \"year\": 2025, \"days\": [\n { \"name\": \"a\", \"date\": \"2025-02-30\", \"isOffDay\": true },\n { \"name\": \"b\", \"date\": \"25/1/1\", \"isOffDay\": true }\n] }";
        var result = ScheduleFile.Read(json, ScheduleFormat.Json);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal("Line 2: 2025-02-30 is not a valid date.", p.ToString()),
            p => Assert.Equal("Line 3: \"25/1/1\" is not a date in the form YYYY-MM-DD.", p.ToString()));

        var csv = ScheduleFile.Read("2025-01-01,off\n2025-13-01,off\n", ScheduleFormat.Csv);
        Assert.Equal("Line 2: 2025-13-01 is not a valid date.", Assert.Single(csv.Problems).ToString());
    }

    [Fact]
    public void DuplicateDates_AreReported_WithTheFirstLine()
    {
        var result = ScheduleFile.Read("2025-01-01,off,元旦\n2025-01-02,off\n2025-01-01,off,元旦\n", ScheduleFormat.Csv);
        Assert.Equal("Line 3: 2025-01-01 is listed twice (first on line 1).", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void ContradictoryDates_AreReported()
    {
        var result = ScheduleFile.Read("2025-01-26,work,春节\n2025-01-26,off,春节\n", ScheduleFormat.Csv);
        Assert.Equal(
            "Line 2: 2025-01-26 is listed both as a rest day and as a working day (line 1 and line 2).",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void DatesOutsideTheNoticeYear_AreReported_LateDecemberOfThePreviousYearIsAllowed()
    {
        var result = ScheduleFile.Read("2024-12-30,off\n2024-11-30,off\n2026-01-01,off\n2025-01-01,off\n", ScheduleFormat.Csv, 2025);
        Assert.Equal(
            [
                "Line 2: 2024-11-30 is outside the 2025 schedule (only dates in 2025 and in December 2024 are allowed).",
                "Line 3: 2026-01-01 is outside the 2025 schedule (only dates in 2025 and in December 2024 are allowed).",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void JsonYear_MustAgreeWithTheChosenYear()
    {
        var result = ScheduleFile.Read(Json2027, ScheduleFormat.Json, 2026);
        Assert.Equal("The file is the 2027 schedule, but 2026 was chosen.", Assert.Single(result.Problems).Message);
    }

    [Theory]
    [InlineData("{ \"year\": \"2027\", \"days\": [] }", "\"year\" must be a whole number such as 2026.")]
    [InlineData("{ \"year\": 2027.5, \"days\": [] }", "\"year\" must be a whole number such as 2026.")]
    [InlineData("[ 1, 2 ]", "The JSON must be an object with \"year\" and \"days\" (the holiday-cn format).")]
    [InlineData("{ \"year\": 2027, \"days\": {} }", "The JSON has no \"days\" list.")]
    [InlineData("{ \"year\": 2027, \"days\": [ 5 ] }", "Each day must be an object with \"date\", \"isOffDay\" and \"name\".")]
    public void Json_OfTheWrongShape_IsReported_NeverThrows(string json, string message) =>
        Assert.Equal(message, Assert.Single(ScheduleFile.Read(json, ScheduleFormat.Json).Problems).Message);

    [Fact]
    public void JsonDay_WithoutIsOffDay_IsReported()
    {
        var result = ScheduleFile.Read("{ \"year\": 2027, \"days\": [ { \"name\": \"x\", \"date\": \"2027-01-01\" } ] }", ScheduleFormat.Json);
        Assert.Equal("Line 1: 2027-01-01 needs \"isOffDay\": true (a rest day) or false (a working day).", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_NotJustTheFirst()
    {
        var result = ScheduleFile.Read("2025-02-30,off\n2025-01-01,off\n2025-01-01,work\n2023-05-01,off\nnonsense\n", ScheduleFormat.Csv, 2025);
        Assert.Equal([1, 3, 4, 5], result.Problems.Select(p => p.Line!.Value).Order());
    }

    [Theory]
    [InlineData("{ \"year\": 2025 }", null, null, ScheduleFormat.Json)]
    [InlineData("2025-01-01,off", null, null, ScheduleFormat.Csv)]
    [InlineData("2025-01-01,off", "2025.json", null, ScheduleFormat.Json)]
    [InlineData("{", null, "text/csv", ScheduleFormat.Csv)]
    [InlineData("\uFEFF  {", null, null, ScheduleFormat.Json)]
    public void DetectFormat_UsesNameTypeThenContent(string content, string? fileName, string? contentType, ScheduleFormat expected) =>
        Assert.Equal(expected, ScheduleFile.DetectFormat(content, fileName, contentType));
}
