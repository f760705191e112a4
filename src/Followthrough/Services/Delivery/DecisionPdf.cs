using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Followthrough.Services.Delivery;

/// <summary>What a decision document says; everything is printed as given.</summary>
internal sealed record DecisionContent(
    string DocumentNumber, string UnitNameZh, string ApplicantName, string ItemCode, string ItemNameZh, string ItemNameEn,
    DateOnly ReceivedOn, DateOnly DecidedOn, bool Approved, string? Reasons, string VerificationCode, string VerifyAddress);

/// <summary>
/// Lays out a decision document (准予/不予行政许可决定书) on one or more A4 pages in the Chinese font of
/// <see cref="DecisionFont"/>: issuing unit, number, title, applicant, item, decision and reasons, the date, and the
/// verification code with how to check it. Chinese has no spaces to break at, so lines are broken by measured width.
/// </summary>
internal static class DecisionPdf
{
    private const double Margin = 72;

    public static byte[] Render(DecisionContent content, string fontPath)
    {
        ArgumentNullException.ThrowIfNull(content);
        DecisionFont.Use(fontPath);
        using var document = new PdfDocument();
        document.Info.Title = Title(content.Approved);
        document.Info.Subject = content.DocumentNumber;
        document.Info.Creator = "Followthrough";
        var writer = new PageWriter(document);
        writer.Centered(content.UnitNameZh, 20);
        writer.Centered(Title(content.Approved), 18);
        writer.Gap(6);
        writer.Right(content.DocumentNumber, 11);
        writer.Gap(12);
        writer.Paragraph($"申请人：{content.ApplicantName}", 12);
        writer.Paragraph($"申请事项：{content.ItemNameZh}（事项编码：{content.ItemCode}）", 12);
        writer.Paragraph($"Item: {content.ItemNameEn}", 10);
        writer.Gap(6);
        var received = Date(content.ReceivedOn);
        writer.Paragraph(content.Approved
            ? $"你（单位）于{received}提出的“{content.ItemNameZh}”申请，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。"
            : $"你（单位）于{received}提出的“{content.ItemNameZh}”申请，经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。", 12);
        if (!string.IsNullOrWhiteSpace(content.Reasons))
        {
            writer.Paragraph($"理由：{content.Reasons}", 12);
        }

        if (!content.Approved)
        {
            writer.Paragraph("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。", 12);
        }

        writer.Gap(24);
        writer.Right(content.UnitNameZh, 12);
        writer.Right(Date(content.DecidedOn), 12);
        writer.Gap(30);
        writer.Paragraph($"核验码 Verification code：{VerificationCodes.Display(content.VerificationCode)}", 12);
        writer.Paragraph($"核验方法：登录政务服务网“决定书核验”页面（{content.VerifyAddress}）输入核验码，可查验本决定书的真伪、事项、结论、日期、出具单位和文件摘要（SHA-256），无需登录。", 10);
        writer.Paragraph($"To check this document, enter the code at {content.VerifyAddress}; no sign-in is needed.", 9);
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public static string Title(bool approved) => approved ? "准予行政许可决定书" : "不予行政许可决定书";

    public static string Date(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    /// <summary>Writes lines down A4 pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        private XGraphics Graphics => _graphics ?? NewPage();

        private double Width => _page!.Width.Point - (2 * Margin);

        public void Centered(string text, double size) => Line(text, size, XStringFormats.TopCenter);

        public void Right(string text, double size) => Line(text, size, XStringFormats.TopRight);

        public void Gap(double points) => _y += points;

        public void Paragraph(string text, double size)
        {
            var line = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (line.Length > 0 && Measure(line.ToString() + c, size) > Width)
                {
                    Line(line.ToString(), size, XStringFormats.TopLeft);
                    line.Clear();
                }

                line.Append(c);
            }

            Line(line.ToString(), size, XStringFormats.TopLeft);
            _y += size * 0.5;
        }

        public void Finish() => _graphics?.Dispose();

        /// <summary>One line, drawn run by run: Chinese in the Chinese font, the rest in the Latin one.</summary>
        private void Line(string text, double size, XStringFormat format)
        {
            var height = size * 1.6;
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }

            var width = Measure(text, size);
            var x = format.Alignment switch
            {
                XStringAlignment.Center => Margin + ((Width - width) / 2),
                XStringAlignment.Far => Margin + Width - width,
                _ => Margin,
            };
            foreach (var (run, font) in Runs(text, size))
            {
                Graphics.DrawString(run, font, XBrushes.Black, new XRect(x, _y, Width, height), XStringFormats.TopLeft);
                x += Graphics.MeasureString(run, font).Width;
            }

            _y += height;
        }

        private double Measure(string text, double size) => Runs(text, size).Sum(r => Graphics.MeasureString(r.Text, r.Font).Width);

        private static IEnumerable<(string Text, XFont Font)> Runs(string text, double size)
        {
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || IsChinese(text[i]) != IsChinese(text[start]))
                {
                    yield return (text[start..i], Font(size, IsChinese(text[start])));
                    start = i;
                }
            }
        }

        /// <summary>CJK scripts, their punctuation and full-width forms; everything below goes to the Latin font.</summary>
        private static bool IsChinese(char c) => c >= '\u2E80';

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        private static XFont Font(double size, bool chinese) =>
            new(chinese ? DecisionFont.Family : DecisionFont.LatinFamily, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
