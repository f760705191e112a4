using System.Diagnostics;
using Followthrough.Directives.Documents;
using Followthrough.Plans.Files;
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
    private static readonly Dictionary<string, Func<string>> Files = new()
    {
        ["nested-tasks.xlsx"] = () => Tasks("nested.xlsx", HostileFiles.DeeplyNestedXlsx()),
        ["nested-plans.xlsx"] = () => Plans(HostileFiles.DeeplyNestedXlsx()),
        ["nested.docx"] = () => Document("nested.docx", HostileFiles.DeeplyNestedDocx()),
        ["bomb.docx"] = () => Document("bomb.docx", HostileFiles.ZipBombDocx),
        ["23M-characters.docx"] = () => Document("small.docx", HostileFiles.WordStreamed(95L * 1024 * 1024)),
        ["row-100000000.xlsx"] = () => Tasks("far.xlsx", HostileFiles.Xlsx(HostileFiles.Row(1, "序号") + HostileFiles.Row(100_000_000, "1"))),
        ["doctype.xlsx"] = () => Plans(HostileFiles.Xlsx(HostileFiles.Row(1, "a"), doctype: "<!DOCTYPE workbook [<!ENTITY e \"e\">]>")),
    };

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length < 2 || !Files.TryGetValue(args[1], out var read))
        {
            output.WriteLine($"Files: {string.Join(", ", Files.Keys)}");
            return args.Length < 2 ? 0 : 2;
        }

        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var answer = read();
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
