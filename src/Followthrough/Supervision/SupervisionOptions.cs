namespace Followthrough.Supervision;

/// <summary>The supervision office's rules and the delivery channels, under <c>Followthrough:Supervision</c>.</summary>
internal sealed class SupervisionOptions
{
    public const string Section = "Followthrough:Supervision";

    /// <summary>Whether the web host runs the daily supervision itself. On by default; the tests turn it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the background service wakes: it runs the day's supervision once, and retries deliveries each time.</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>Overdue by this many working days: the task becomes a key item and its lead leader is told.</summary>
    public int KeyItemAfterWorkingDays { get; set; } = 5;

    /// <summary>Overdue by this many working days: the task goes on the special supervision list.</summary>
    public int SpecialListAfterWorkingDays { get; set; } = 10;

    /// <summary>Tasks read, decided and committed together.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long a run holds the lease without renewing it; a crashed instance's lease expires after this.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>A delivery that failed this many times is given up (it stays recorded with its last error).</summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    public SmtpSettings Smtp { get; set; } = new();

    public WebhookSettings Webhook { get; set; } = new();
}

/// <summary>E-mail is sent only when <see cref="Host"/> and <see cref="From"/> are set.</summary>
internal sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Every notice is POSTed as JSON to <see cref="Url"/> when it is set (e.g. a government chat bot).</summary>
internal sealed class WebhookSettings
{
    public Uri? Url { get; set; }

    /// <summary>Sent as the X-Followthrough-Secret header, so the receiver can tell the calls are ours.</summary>
    public string? Secret { get; set; }

    public int TimeoutSeconds { get; set; } = 15;

    public bool IsConfigured => Url is not null;
}
