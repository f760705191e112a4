using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Delivery;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Followthrough.Tests.Services;

/// <summary>No-meeting delivery on both databases: the decision PDF in Chinese, its code checked by anyone, the download as delivery.</summary>
public abstract class DecisionDocumentsTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task ApprovedApplication_PrintsAChineseDecision_TheApplicantsDownloadDeliversIt_TheCodeVerifies()
    {
        Assert.True(DecisionFont.Locate(null) is not null, "No Chinese TrueType font installed: test.sh installs fonts-droid-fallback.");
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var documents = sp.GetRequiredService<DecisionDocuments>();
            var approved = await cast.InStateAsync(applications, ApplicationState.Approved);

            var byStaff = await documents.DownloadAsync(cast.Staff, approved.Id);
            Assert.True(byStaff.IsDone, byStaff.Reason);
            var file = byStaff.Value!;
            var text = PdfText(file.Content);
            Assert.Contains("准予行政许可决定书", text);
            Assert.Contains(cast.Item.NameZh, text);
            Assert.Contains(cast.Item.Code, text);
            Assert.Contains(VerificationCodes.Display(file.Document.VerificationCode), text);
            Assert.Contains(file.Document.DocumentNumber, text);
            Assert.Equal(ChecksummedFiles.Checksum(file.Content), file.Document.Sha256);
            Assert.Equal(ApplicationState.Approved, (await applications.GetAsync(cast.Staff, approved.Id)).Value!.State);

            var byApplicant = await documents.DownloadAsync(cast.Applicant, approved.Id);
            Assert.Equal(file.Content, byApplicant.Value!.Content); // printed once: the same file every time
            var delivered = (await applications.GetAsync(cast.Applicant, approved.Id)).Value!;
            Assert.Equal(ApplicationState.Delivered, delivered.State);
            Assert.Equal(ApplicationStep.Delivered, delivered.Steps[^1].Step);
            Assert.NotNull(delivered.DeliveredAt);

            var typed = VerificationCodes.Display(file.Document.VerificationCode).ToLowerInvariant();
            var genuine = await documents.VerifyAsync(typed);
            Assert.NotNull(genuine);
            Assert.Equal((cast.Item.Code, true, file.Document.Sha256), (genuine.ItemCode, genuine.Approved, genuine.Sha256));
            Assert.DoesNotContain(cast.Applicant.Name, genuine.ApplicantMasked);
            Assert.Contains('*', genuine.ApplicantMasked);
            Assert.Null(await documents.VerifyAsync("ABCD-EFGH-JKMN-PQRS-TUVW"));
            Assert.Null(await documents.VerifyAsync("not a code"));
            return null;
        });
    }

    [Fact]
    public async Task RejectedApplication_PrintsARefusal_AndOnlyTheApplicantAndTheUnitsStaffSeeIt()
    {
        Assert.True(DecisionFont.Locate(null) is not null, "No Chinese TrueType font installed: test.sh installs fonts-droid-fallback.");
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var documents = sp.GetRequiredService<DecisionDocuments>();
            var rejected = await cast.InStateAsync(applications, ApplicationState.Rejected);
            var received = await cast.InStateAsync(applications, ApplicationState.Received);

            var text = PdfText((await documents.DownloadAsync(cast.Applicant, rejected.Id)).Value!.Content);
            Assert.Contains("不予行政许可决定书", text);
            Assert.Contains("行政复议", text);
            foreach (var other in new[] { cast.OtherStaff, cast.OtherCitizen, cast.Supervisor })
            {
                Assert.Equal(OutcomeKind.NotFound, (await documents.DownloadAsync(other, rejected.Id)).Kind);
            }

            Assert.Equal(OutcomeKind.NotFound, (await documents.DownloadAsync(cast.Applicant, received.Id)).Kind);
            Assert.Null((await documents.ForApplicationAsync(cast.Staff, received.Id)).Value);
            return null;
        });
    }

    [Fact]
    public async Task Api_DownloadsThePdf_VerifiesWithoutSignIn_UnknownCodeIs404()
    {
        Assert.True(DecisionFont.Locate(null) is not null, "No Chinese TrueType font installed: test.sh installs fonts-droid-fallback.");
        var cast = await ApplicationCast.CreateAsync(app);
        var approved = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved));
        var applicant = await app.ApiClientAsync(new TestUser(cast.Applicant.PersonId!.Value, cast.Applicant.Name, Role.Citizen, null));
        var stranger = await app.ApiClientAsync(Role.Citizen);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/services/applications/{approved.Id}/decision")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync($"/api/v1/services/applications/{approved.Id}/decision")).StatusCode);
        var pdf = await applicant.GetAsync($"/api/v1/services/applications/{approved.Id}/decision");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var content = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(content, 0, 5));

        var code = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<DecisionDocuments>().ForApplicationAsync(cast.Staff, approved.Id)).Value!.VerificationCode);
        var anonymous = app.AnonymousClient();
        var verified = await anonymous.GetFromJsonAsync<DecisionVerification>($"/api/v1/services/verify/{code}", Json);
        Assert.Equal((ChecksummedFiles.Checksum(content), cast.Item.Code), (verified!.Sha256, verified.ItemCode));
        Assert.DoesNotContain(cast.Applicant.Name, verified.ApplicantMasked);
        var unknown = await anonymous.GetAsync("/api/v1/services/verify/ABCDEFGHJKMNPQRSTUVW");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class DecisionDocumentsOnSqlite(SqliteApp app) : DecisionDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionDocumentsOnPostgreSql(PostgreSqlApp app) : DecisionDocumentsTests(app), IClassFixture<PostgreSqlApp>;
