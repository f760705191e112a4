using System.Diagnostics;
using Followthrough.Directives.Documents;
using Followthrough.Plans.Files;
using Followthrough.Storage.Files;
using Followthrough.Tasks;
using Followthrough.Tests.Security;

namespace Followthrough.Benchmarks;

/// <summary>
/// The hostile files of issue 14 (written by the tests' own generator) read through the product's entry points, one
/// file per process so the peak working set is that file's: the answer, the wall time, the bytes allocated and the peak.
/// Run: <c>dotnet run -c Release --project bench/Followthrough.Benchmarks -- hostile-files NAME</c> for each name
/// listed by <c>hostile-files</c>.
/// </summary>
internal static class HostileFilesBench
{
    /// <summary>Each file: how to write it (not measured) and how the product reads it (measured).</summary>
    private static readonly Dictionary<string, (Func<byte[]> Write, Func<byte[], string> Read)> Files = new()
    {
        ["nested-tasks.xlsx"] = (HostileFiles.DeeplyNestedXlsx, content => Tasks("nested.xlsx", content)),
        ["nested-plans.xlsx"] = (HostileFiles.DeeplyNestedXlsx, Plans),
        ["nested.docx"] = (HostileFiles.DeeplyNestedDocx, content => Document("nested.docx", content)),
        ["bomb.docx"] = (() => HostileFiles.ZipBombDocx, content => Document("bomb.docx", content)),
        // The same bomb with room for a gigabyte per part: reading stops at the characters a document may yield.
        ["bomb.docx-generous-parts"] = (() => HostileFiles.ZipBombDocx, content => DocumentFile.Read("bomb.docx", content, new FileLimits { MaxEntryBytes = 2L << 30, MaxExpandedBytes = 4L << 30 }).Problem ?? "read"),
        ["23M-characters.docx"] = (() => HostileFiles.WordStreamed(95L * 1024 * 1024), content => Document("small.docx", content)),
        ["row-100000000.xlsx"] = (() => HostileFiles.Xlsx(HostileFiles.Row(1, "序号") + HostileFiles.Row(100_000_000, "1")), content => Tasks("far.xlsx", content)),
        ["doctype.xlsx"] = (() => HostileFiles.Xlsx(HostileFiles.Row(1, "a"), doctype: "<!DOCTYPE workbook [<!ENTITY e \"e\">]>"), Plans),
    };

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2 || !Files.TryGetValue(args[1], out var file))
        {
            output.WriteLine($"Files: {string.Join(", ", Files.Keys)}");
            return args.Length < 2 ? 0 : 2;
        }

        var content = file.Write();
        using (var before = Process.GetCurrentProcess())
        {
            output.WriteLine($"{args[1]}: {content.Length:N0} bytes; working set before reading {before.WorkingSet64 / (1024 * 1024):N0} MB");
        }

        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var answer = file.Read(content);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"| {args[1]} | {answer} | {clock.Elapsed.TotalMilliseconds:N0} ms | {allocated / (1024 * 1024):N0} MB allocated | {process.PeakWorkingSet64 / (1024 * 1024):N0} MB peak |");
        return 0;
    }

    private static string Tasks(string name, byte[] content)
    {
        try
        {
            TableReader.Read(name, content);
            return "read";
        }
        catch (TableFormatException refused)
        {
            return refused.Message;
        }
    }

    private static string Plans(byte[] content)
    {
        XlsxSheets.Read(content, out var problem);
        return problem ?? "read";
    }

    private static string Document(string name, byte[] content) => DocumentFile.Read(name, content).Problem ?? "read";
}
