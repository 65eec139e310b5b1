using BlazorClient;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");

// The browser knows only its own backend's token endpoint (samples/TokenBackend), never an Inworld key.
var endpoint = new Uri(builder.Configuration["Inworld:TokenEndpoint"] ?? InworldTokenProvider.DefaultEndpoint);
var inworld = new Uri(builder.Configuration["Inworld:ApiBaseUrl"] ?? TtsClient.DefaultApiBaseUrl);
builder.Services.AddSingleton(new InworldTokenProvider(endpoint, new HttpClient()));
builder.Services.AddScoped(services => new TtsClient(new HttpClient(), services.GetRequiredService<InworldTokenProvider>(), inworld));
await builder.Build().RunAsync();
