using Followthrough.Plans.Files;
using Followthrough.Storage.Files;

namespace Followthrough.Tests.Security;

/// <summary>
/// The guarded reader itself, on hostile files the tests write: each is refused with the limit it is past, and the
/// memory it takes is measured (bytes allocated on this thread while reading, which bounds what it could hold).
/// </summary>
public sealed class HostileFileReaderTests
{
    private const long Megabyte = 1024 * 1024;

    private static readonly FileLimits Limits = FileLimits.Default;

    [Fact]
    public void DeeplyNestedWorkbook_IsRefusedAtTheDepthLimit()
    {
        var refused = Refused(() => UntrustedFile.ReadWorkbook(HostileFiles.DeeplyNestedXlsx(), Limits));
        Assert.Equal(nameof(FileLimits.MaxXmlDepth), refused.Limit);
        Assert.Contains("Followthrough:Files:MaxXmlDepth", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedWordDocument_IsRefusedAtTheDepthLimit()
    {
        var refused = Refused(() => UntrustedFile.ReadWordText(HostileFiles.DeeplyNestedDocx(), Limits));
        Assert.Equal(nameof(FileLimits.MaxXmlDepth), refused.Limit);
    }

    [Fact]
    public void ZipBomb_IsRefusedByTheSizeItDeclares_AndWhenAllowedByItsCharacters_WithBoundedMemory()
    {
        var bomb = HostileFiles.ZipBombDocx;
        Assert.True(bomb.Length < 2 * Megabyte, $"the bomb is {bomb.Length:N0} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Refused(() => UntrustedFile.ReadWordText(bomb, Limits));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(nameof(FileLimits.MaxEntryBytes), refused.Limit);
        Assert.True(allocated < 200 * Megabyte, $"reading the bomb allocated {allocated / Megabyte} MB");

        // Even with room for a gigabyte per part, reading stops at the characters a document may yield.
        var generous = new FileLimits { MaxEntryBytes = 2L << 30, MaxExpandedBytes = 4L << 30 };
        before = GC.GetAllocatedBytesForCurrentThread();
        refused = Refused(() => UntrustedFile.ReadWordText(bomb, generous));
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(nameof(FileLimits.MaxDocumentCharacters), refused.Limit);
        Assert.True(allocated < 200 * Megabyte, $"reading the bomb allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void PartLargerThanAllowed_IsRefusedWhileExpanding_PerPartAndInTotal()
    {
        var document = HostileFiles.WordStreamed(8 * Megabyte);
        var perPart = Refused(() => UntrustedFile.ReadWordText(document, new FileLimits { MaxEntryBytes = Megabyte }));
        Assert.Equal(nameof(FileLimits.MaxEntryBytes), perPart.Limit);
        var total = Refused(() => UntrustedFile.ReadWordText(document, new FileLimits { MaxExpandedBytes = Megabyte }));
        Assert.Equal(nameof(FileLimits.MaxExpandedBytes), total.Limit);
    }

    [Fact]
    public void PackageWithTooManyEntries_IsRefused()
    {
        var parts = Enumerable.Range(0, 50).Select(i => ($"media/{i}.xml", "<a/>")).ToArray();
        var refused = Refused(() => UntrustedFile.PackageParts(HostileFiles.Package(parts), new FileLimits { MaxZipEntries = 40 }));
        Assert.Equal(nameof(FileLimits.MaxZipEntries), refused.Limit);
    }

    [Fact]
    public void RowNumberedAHundredMillion_IsRefusedBeforeAnyPadding()
    {
        var file = HostileFiles.Xlsx(HostileFiles.Row(1, "序号") + HostileFiles.Row(100_000_000, "1"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Refused(() => UntrustedFile.ReadWorkbook(file, Limits));
        Assert.Equal(nameof(FileLimits.MaxRows), refused.Limit);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50 * Megabyte);
    }

    [Fact]
    public void CellFarToTheRight_IsRefusedBeforeAnyPadding()
    {
        var file = HostileFiles.Xlsx("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"ZZZZZZZZZZZZ1\"><v>1</v></c></row>");
        Assert.Equal(nameof(FileLimits.MaxColumns), Refused(() => UntrustedFile.ReadWorkbook(file, Limits)).Limit);
    }

    [Fact]
    public void HugeCell_IsRefusedAtTheCellLimit()
    {
        var file = HostileFiles.Xlsx(HostileFiles.Row(1, new string('x', 40_000)));
        Assert.Equal(nameof(FileLimits.MaxCellCharacters), Refused(() => UntrustedFile.ReadWorkbook(file, Limits)).Limit);
        Assert.Equal(nameof(FileLimits.MaxCellCharacters), Refused(() => UntrustedFile.ReadCsv("a," + new string('x', 40_000), Limits)).Limit);
    }

    [Fact]
    public void TooManyRowsOrCells_AreRefused()
    {
        Assert.Equal(nameof(FileLimits.MaxRows), Refused(() => UntrustedFile.ReadCsv(string.Concat(Enumerable.Repeat("a\n", 101)), new FileLimits { MaxRows = 100 })).Limit);
        Assert.Equal(nameof(FileLimits.MaxCells), Refused(() => UntrustedFile.ReadCsv(new string(',', 200), new FileLimits { MaxCells = 100 })).Limit);
    }

    [Fact]
    public void Doctype_IsRefusedAsUnreadable_NotAsAServerError()
    {
        var file = HostileFiles.Xlsx(HostileFiles.Row(1, "a"), doctype: "<!DOCTYPE workbook [<!ENTITY e \"eeeeeeeeee\">]>");
        var refused = Refused(() => UntrustedFile.ReadWorkbook(file, Limits));
        Assert.Null(refused.Limit);
        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryWorkbook_ReadsAsBefore()
    {
        var file = HostileFiles.Xlsx(HostileFiles.Row(1, "序号", "任务内容") + "<row r=\"3\"><c r=\"B3\"><v>2.5</v></c></row>");
        var sheet = Assert.Single(UntrustedFile.ReadWorkbook(file, Limits));
        Assert.Equal([1, 3], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["序号", "任务内容"], sheet.Rows[0].Cells);
        Assert.Equal(["", "2.5"], sheet.Rows[1].Cells);

        var tables = XlsxSheets.Read(file, out var problem);
        Assert.Null(problem);
        Assert.Equal("2.5", tables[0].Rows[1][1]);
    }

    private static FileRefusedException Refused(Func<object?> read) => Assert.Throws<FileRefusedException>(() => read());
}
