// Inworld token backend (the C# twin of Inworld's Node.js JWT sample). Run it with the credentials in the
// environment, never in source or appsettings:
//   INWORLD_API_KEY=<the Portal's Base64 key>   (or INWORLD_KEY + INWORLD_SECRET)
//   INWORLD_WORKSPACE=<workspace id>            (for /session-token)
//   dotnet run --project samples/TokenBackend
// It listens on https://localhost:5001 (the INW002 fix's default token endpoint is https://localhost:5001/token) and
// http://localhost:5000 (Properties/launchSettings.json), and lets the browser origins in Cors:AllowedOrigins call it.
// A real deployment must authenticate its own users before minting tokens (out of scope here); see TokenBackendApp.
using Inworld.Samples.TokenBackend;

WebApplication app;
try
{
    app = TokenBackendApp.Build(args);
}
catch (TokenBackendConfigurationException e)
{
    // The message names the settings to fix, never their values.
    Console.Error.WriteLine(e.Message);
    return 1;
}

await app.RunAsync();
return 0;
