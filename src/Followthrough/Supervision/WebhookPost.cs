using System.Globalization;

namespace Followthrough.Supervision;

/// <summary>POSTs one body to the configured webhook with its secret header, within its time-out; a non-success answer
/// is an <see cref="HttpRequestException"/>. Notices and audit checkpoints both go this way.</summary>
internal static class WebhookPost
{
    public static async Task SendAsync(
        HttpClient client, WebhookSettings hook, Uri url, HttpContent content, string? header, string answeredTo, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (header is not null)
        {
            request.Headers.Add(header, "1");
        }

        if (!string.IsNullOrEmpty(hook.Secret))
        {
            request.Headers.Add("X-Followthrough-Secret", hook.Secret);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(hook.TimeoutSeconds));
        using var response = await client.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}{answeredTo}."));
        }
    }
}
