using BlazorClientLeaky;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.Services.AddScoped(_ => new HttpClient());
builder.Services.AddScoped(_ => new TtsClient(new HttpClient(), builder.Configuration["Inworld:ApiKey"] ?? ""));
await builder.Build().RunAsync();
