using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks.Pages;

internal sealed class NewModel(TaskWriting tasks, TaskDirectory directory, CurrentUser me, IStringLocalizer<TasksText> text)
    : TaskFormPage(directory, me, text)
{
    public override string Heading => Text["New task"];

    public override string Action => "/tasks/new";

    public async Task<IActionResult> OnGetAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var outcome = await tasks.CreateAsync(Me, Form.ToInput(), HttpContext.RequestAborted);
        return outcome.IsDone
            ? LocalRedirect($"/tasks/{outcome.Value!.Id}?done=created")
            : await InvalidAsync(outcome.Errors ?? new ValidationErrors());
    }
}
