using Followthrough.Hosting;
using Followthrough.Demo;
using Followthrough.Web;

// The content root is where the app was built to, so it serves its pages and styles from wherever it is started;
// the current directory only decides where ./data (the embedded database) goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddFollowthrough();
// The demo is loaded into an empty database on first start (Followthrough:LoadDemoData).
builder.Services.AddFollowthroughDemo();

var app = builder.Build();
app.UseFollowthrough();
await app.PrepareDatabaseAsync();
try
{
    await app.RunAsync();
}
catch (IOException error) when (error.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    await Console.Error.WriteLineAsync($"{error.Message} Start on another port with --urls http://127.0.0.1:PORT.");
    return 2;
}

return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
