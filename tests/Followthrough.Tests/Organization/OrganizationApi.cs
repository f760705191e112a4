using System.Net;
using System.Net.Http.Json;
using Followthrough.Organization;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Tests.Organization;

/// <summary>Small helpers the organization API tests share: unique codes, creating units, reading answers.</summary>
internal static class OrganizationApi
{
    public static string NewCode(string prefix = "T") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public static async Task<UnitDto> CreateUnitAsync(
        HttpClient admin, string? code = null, int? parentId = null, string kind = "Bureau", string nameEn = "Test unit", params string[] aliases)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { code = code ?? NewCode(), nameZh = "测试单位", nameEn, kind, parentId, aliases });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UnitDto>())!;
    }

    public static async Task<PersonDto> CreatePersonAsync(HttpClient admin, int? unitId, string role = "UnitStaff", string nameZh = "张三")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/people", new { nameZh, nameEn = "Zhang San", title = "Clerk", role, unitId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PersonDto>())!;
    }

    public static async Task<IDictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        return problem!.Errors;
    }

    public static async Task<Microsoft.AspNetCore.Mvc.ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!;
    }

    public static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object body, int version)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        return request;
    }
}
