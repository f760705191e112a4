using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks.Pages;

/// <summary>Editing a draft, or a task its unit returned, on the version the editor saw.</summary>
internal sealed class EditModel(TaskWriting tasks, TaskDirectory directory, CurrentUser me, IStringLocalizer<TasksText> text)
    : TaskFormPage(directory, me, text)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public override string Heading => Text["Edit the task"];

    public override string Action => $"/tasks/{Id}/edit";

    public async Task<IActionResult> OnGetAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var task = await tasks.LoadAsync(Id, HttpContext.RequestAborted);
        if (task is null)
        {
            return NotFound();
        }

        Form = TaskFormFields.From(task);
        if (task.State is not (TaskState.Draft or TaskState.Returned))
        {
            Problem = Text["Only a draft, or a task its unit returned, can be edited; a running task's deadline changes through an extension."];
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

        var outcome = await tasks.UpdateAsync(Me, Id, Form.Version, Form.ToInput(), HttpContext.RequestAborted);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return LocalRedirect($"/tasks/{Id}?done=edited");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                return await InvalidAsync(outcome.Errors!);
        }

        // Stale or no longer editable: keep what was typed, say why, and offer the current version.
        Problem = outcome.Kind == OutcomeKind.Stale
            ? Text["Someone else changed this task while you were editing it. Nothing was saved. Saving again replaces their change with yours."]
            : Text["Only a draft, or a task its unit returned, can be edited; a running task's deadline changes through an extension."];
        if (outcome.CurrentVersion is { } current)
        {
            Form.Version = current;
        }

        await LoadOptionsAsync();
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict;
        return Page();
    }
}
