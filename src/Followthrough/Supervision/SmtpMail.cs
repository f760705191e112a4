using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Followthrough.Supervision;

/// <summary>
/// Sends one plain-text message (UTF-8, both languages) through the configured SMTP server with MailKit: notices to
/// units and people, audit checkpoints to their keeper. <see cref="SmtpSettings.EnableSsl"/> means TLS from the start
/// on port 465 and STARTTLS (required, never silently skipped) on any other port. Whatever goes wrong on the way
/// (refused address, lost connection, TLS, authentication) is an <see cref="IOException"/> naming the server.
/// </summary>
internal static class SmtpMail
{
    public static async Task SendAsync(
        SmtpSettings smtp, string to, string subject, string body, KeyValuePair<string, string> header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        try
        {
            await SendOnceAsync(smtp, to, subject, body, header, cancellationToken);
        }
        catch (Exception error) when (error is not (OperationCanceledException or IOException))
        {
            throw new IOException($"Mail to {to} through {smtp.Host}:{smtp.Port} failed: {error.Message}", error);
        }
    }

    private static async Task SendOnceAsync(
        SmtpSettings smtp, string to, string subject, string body, KeyValuePair<string, string> header, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Headers.Add(header.Key, header.Value);
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
