namespace Followthrough.Storage.Files;

/// <summary>
/// How much an uploaded or imported file may hold before it is refused. Every Office, CSV and text file the product
/// reads (documents, evidence, plan, task, unit and calendar imports) is read under these limits, so a small hostile
/// file (a zip bomb, XML nested forty thousand deep, a row numbered a hundred million) is refused in well under a
/// second with bounded memory instead of ending the process. Configured under <c>Followthrough:Files</c>.
/// </summary>
public sealed class FileLimits
{
    public const string Section = "Followthrough:Files";

    /// <summary>The limits as shipped (a fresh copy: changing it changes no one else's).</summary>
    public static FileLimits Default => new();

    /// <summary>How deep XML elements may nest; real Office parts stay well under 30.</summary>
    public int MaxXmlDepth { get; set; } = 100;

    /// <summary>Files inside an Office package (zip); a Word or Excel file holds tens, a few hundred with many images.</summary>
    public int MaxZipEntries { get; set; } = 1_000;

    /// <summary>Bytes one part of a package may expand to, counted as it is read (the zip's own sizes are not trusted).</summary>
    public long MaxEntryBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Bytes all the parts read from one package may expand to together.</summary>
    public long MaxExpandedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Rows in one sheet or CSV file, judged by the row's number before anything is padded.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Columns in one row (judged by the cell's reference before anything is padded).</summary>
    public int MaxColumns { get; set; } = 512;

    /// <summary>Cells in one file, empty cells between filled ones included.</summary>
    public int MaxCells { get; set; } = 2_000_000;

    /// <summary>Characters in one cell; Excel itself keeps at most 32,767.</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>Characters all the cells of one table file may hold together.</summary>
    public int MaxTableCharacters { get; set; } = 32_000_000;

    /// <summary>Characters of text one document (.txt, .md, .docx or pasted text) may yield: about 1,000 pages.</summary>
    public int MaxDocumentCharacters { get; set; } = 2_000_000;

    /// <summary>Candidate directives one document may create; a long work report holds a few hundred.</summary>
    public int MaxCandidatesPerDocument { get; set; } = 2_000;
}
