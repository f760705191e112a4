using System.Text;
using Followthrough.Storage.Files;
using Followthrough.Tasks;

namespace Followthrough.Tests.Security;

/// <summary>The one table writer every export uses: no cell a spreadsheet would run as a formula (issue 14).</summary>
public sealed class FormulaExportTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-", "'-")]
    [InlineData("-5", "-5")]
    [InlineData("+3.25", "+3.25")]
    [InlineData("1=1", "1=1")]
    [InlineData("", "")]
    [InlineData("市科技局", "市科技局")]
    public void Neutralize_PrefixesFormulaLikeText_AndLeavesNumbersAndTextAlone(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetWriter.Neutralize(text));
        Assert.Equal(text, SpreadsheetWriter.Restore(SpreadsheetWriter.Neutralize(text)));
    }

    [Fact]
    public void ListsAndBulletins_WriteNoFormula_AsCsvOrExcel()
    {
        var table = new ListTable("任务", ["Title", "Note"], [["=HYPERLINK(\"http://x\")", "@cmd"], ["ok", "-1"]]);
        var csv = Encoding.UTF8.GetString(table.ToCsv());
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\",'@cmd\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("ok,-1\r\n", csv, StringComparison.Ordinal);
        HostileFilesCliTests.ExcelKeepsAsText(table.ToXlsx(), "=HYPERLINK(\"http://x\")");
        Assert.Equal(["=HYPERLINK(\"http://x\")", "@cmd"], UntrustedFile.ReadWorkbook(table.ToXlsx(), FileLimits.Default)[0].Rows[1].Cells);
    }

    [Fact]
    public void Csv_QuotesWhatNeedsIt()
    {
        Assert.Equal("a,\"b,c\",\"d\"\"e\",\" f\",\"g\nh\"\r\n", SpreadsheetWriter.CsvRow(["a", "b,c", "d\"e", " f", "g\nh"]));
    }
}
