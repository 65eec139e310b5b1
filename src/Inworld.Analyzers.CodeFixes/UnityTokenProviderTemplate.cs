namespace Inworld.Analyzers.CodeFixes
{
    /// <summary>
    /// The token provider the INW002 fix adds to a Unity project that has none: built on UnityWebRequest (which
    /// works on every Unity platform, WebGL included, where HttpClient does not), usable from coroutines (a yield
    /// instruction) and from async/await (Awaitable&lt;string&gt; on Unity 2023.1+, Task&lt;string&gt; before), with the
    /// backend URL in a serialized setting of a ScriptableObject asset. The same text ships as a sample of the
    /// Unity package and as samples/UnityGame/Assets/Scripts/InworldTokenProvider.cs (pinned by tests).
    /// Same type and file name as the HttpClient provider: a project has one or the other.
    /// </summary>
    internal static class UnityTokenProviderTemplate
    {
        public const string TypeName = TokenProviderTemplate.TypeName;
        public const string FileName = TokenProviderTemplate.FileName;

        /// <summary>The coroutine entry point: only the Unity provider has it, so call sites can tell the two apart.</summary>
        public const string RequestTokenMethod = "RequestToken";

        /// <summary>The yield instruction's member that holds the token once it is done.</summary>
        public const string TokenProperty = "Token";

        /// <summary>UnityWebRequest and CustomYieldInstruction: the Unity API the provider is built on.</summary>
        public static bool Fits(Microsoft.CodeAnalysis.Compilation compilation)
            => compilation.GetTypeByMetadataName("UnityEngine.Networking.UnityWebRequest") != null &&
               compilation.GetTypeByMetadataName("UnityEngine.CustomYieldInstruction") != null &&
               compilation.GetTypeByMetadataName("UnityEngine.ScriptableObject") != null;

        public static string Source(string endpoint, string endOfLine)
            => Template.Replace("{ENDPOINT}", endpoint.Replace("\\", "\\\\").Replace("\"", "\\\"")).Replace("\n", endOfLine);

        private const string Template =
@"// Added by the Inworld.Analyzers code fix for INW002. Keep it: it is how this game gets Inworld tokens.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using UnityEngine;
using UnityEngine.Networking;

/// <summary>
/// Gets short-lived Inworld tokens from your game's own backend with UnityWebRequest, so the game never holds the
/// Inworld API key. The backend keeps the key, mints a token (POST https://api.inworld.ai/auth/v1/tokens) and
/// answers {""token"": ""..."", ""expiresAt"": ""2026-01-01T00:00:00Z""}; see samples/TokenBackend in Inworld.Analyzers.
/// <para>
/// The backend URL is a serialized setting: create the asset with Assets > Create > Inworld > Token Provider, keep it
/// in a Resources folder under the name InworldTokenProvider and set its Token Endpoint. Without the asset,
/// <see cref=""DefaultEndpoint""/> is used.
/// </para>
/// <para>
/// In a coroutine: <c>var token = InworldTokenProvider.Shared.RequestToken(); yield return token;</c> then
/// <c>token.Token</c>. With async/await: <c>await InworldTokenProvider.Shared.GetTokenAsync()</c>
/// (an Awaitable&lt;string&gt; on Unity 2023.1 and later, a Task&lt;string&gt; before).
/// Tokens are cached until a minute before they expire and fetched once however many callers ask at the same
/// time; call <see cref=""Invalidate""/> when Inworld answers 401 or 403.
/// </para>
/// </summary>
[CreateAssetMenu(fileName = ResourceName, menuName = ""Inworld/Token Provider"")]
public sealed class InworldTokenProvider : ScriptableObject
{
    /// <summary>Your backend's token endpoint (inworld_analyzers.token_endpoint when the fix was applied).</summary>
    public const string DefaultEndpoint = ""{ENDPOINT}"";

    /// <summary>The name under which <see cref=""Shared""/> loads the settings asset from a Resources folder.</summary>
    public const string ResourceName = ""InworldTokenProvider"";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);
    private static InworldTokenProvider? _shared;

    [Tooltip(""Your backend's token endpoint: it answers POST with {\""token\"", \""expiresAt\""}. Never an Inworld URL, never a key."")]
    [SerializeField] private string tokenEndpoint = DefaultEndpoint;

    [Tooltip(""Seconds before a token request to the backend is given up."")]
    [SerializeField] private int timeoutSeconds = 30;

    private string? _token;
    private DateTimeOffset _expiresAt;
    private List<Action<string?, string?>>? _waiting;

    /// <summary>The provider for the whole game: the Resources asset named <see cref=""ResourceName""/>, else one asking <see cref=""DefaultEndpoint""/>.</summary>
    public static InworldTokenProvider Shared
    {
        get
        {
            if (_shared == null)
            {
                _shared = Resources.Load<InworldTokenProvider>(ResourceName);
                if (_shared == null)
                {
                    _shared = CreateInstance<InworldTokenProvider>();
                }

                // Only this static field holds it: keep Resources.UnloadUnusedAssets from unloading the cache.
                _shared.hideFlags |= HideFlags.DontUnloadUnusedAsset;
            }

            return _shared;
        }
    }

    /// <summary>The backend URL this provider asks (the serialized setting).</summary>
    public string TokenEndpoint
    {
        get => tokenEndpoint;
        set
        {
            tokenEndpoint = value;
            Invalidate();
        }
    }

    /// <summary>For coroutines: <c>yield return</c> the request, then read <see cref=""TokenRequest.Token""/>.</summary>
    public TokenRequest RequestToken()
    {
        var request = new TokenRequest();
        Fetch(request.Complete);
        return request;
    }

#if UNITY_2023_1_OR_NEWER
    /// <summary>A valid token: the cached one, or a fresh one from the backend. Throws when the backend gives none.</summary>
    public async Awaitable<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var request = RequestToken();
        while (request.keepWaiting)
        {
            await Awaitable.NextFrameAsync(cancellationToken);
        }

        return request.Token;
    }
#else
    /// <summary>A valid token: the cached one, or a fresh one from the backend. Throws when the backend gives none.</summary>
    public Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        Fetch((token, error) =>
        {
            registration.Dispose();
            if (token != null)
            {
                source.TrySetResult(token);
            }
            else
            {
                source.TrySetException(new InvalidOperationException(error));
            }
        });
        return source.Task;
    }
#endif

    /// <summary>Forget the cached token: call it when Inworld answers 401 or 403, the next request fetches a new one.</summary>
    public void Invalidate() => _token = null;

    /// <summary>Calls back with a token or an error; one backend request at a time, shared by every caller waiting for it.</summary>
    private void Fetch(Action<string?, string?> done)
    {
        if (_token != null && DateTimeOffset.UtcNow < _expiresAt - RefreshMargin)
        {
            done(_token, null);
            return;
        }

        if (_waiting != null)
        {
            _waiting.Add(done);
            return;
        }

        _waiting = new List<Action<string?, string?>> { done };
        UnityWebRequest request;
        try
        {
            request = new UnityWebRequest(tokenEndpoint, UnityWebRequest.kHttpVerbPOST);
            request.downloadHandler = new DownloadHandlerBuffer();
            request.timeout = timeoutSeconds;
            request.SendWebRequest().completed += _ => Finish(request);
        }
        catch (Exception exception)
        {
            // A malformed endpoint setting: every caller hears it, none waits forever.
            Complete(null, ""The token endpoint '"" + tokenEndpoint + ""' cannot be requested: "" + exception.Message);
        }
    }

    private void Finish(UnityWebRequest request)
    {
        string? token = null;
        string? error = null;
        try
        {
            if (request.result != UnityWebRequest.Result.Success)
            {
                error = ""The token endpoint "" + tokenEndpoint + "" answered "" + request.responseCode + "": "" + request.error;
            }
            else
            {
                var answer = JsonUtility.FromJson<TokenAnswer>(request.downloadHandler.text);
                if (answer == null || string.IsNullOrEmpty(answer.token))
                {
                    error = ""The token endpoint's answer has no \""token\""."";
                }
                else
                {
                    token = answer.token;

                    // A one-time token serves exactly one request or connection: handed out, never cached.
                    if (!answer.singleUse)
                    {
                        _token = token;
                        _expiresAt = DateTimeOffset.TryParse(answer.expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                            ? parsed
                            : DateTimeOffset.UtcNow.AddMinutes(5);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            error = ""The token endpoint's answer is not the expected JSON: "" + exception.Message;
        }
        finally
        {
            request.Dispose();
        }

        Complete(token, error);
    }

    private void Complete(string? token, string? error)
    {
        var waiting = _waiting;
        _waiting = null;
        if (waiting == null)
        {
            return;
        }

        foreach (var done in waiting)
        {
            done(token, error);
        }
    }

    /// <summary>A token request a coroutine can wait for: <c>yield return</c> it, then read <see cref=""Token""/>.</summary>
    public sealed class TokenRequest : CustomYieldInstruction
    {
        private bool _done;
        private string? _token;
        private string? _error;

        public override bool keepWaiting => !_done;

        /// <summary>Why no token came, or null.</summary>
        public string? Error => _error;

        /// <summary>The token. Throws when the backend gave none, so a request never goes out as ""Bearer "" with nothing.</summary>
        public string Token
        {
            get
            {
                if (!_done)
                {
                    throw new InvalidOperationException(""The token has not arrived yet: yield return the request first."");
                }

                return _token ?? throw new InvalidOperationException(_error);
            }
        }

        internal void Complete(string? token, string? error)
        {
            _token = token;
            _error = error;
            _done = true;
        }
    }

    /// <summary>The backend's answer, read with JsonUtility (public fields named as the JSON properties).</summary>
    [Serializable]
    private sealed class TokenAnswer
    {
#pragma warning disable CS0649 // assigned by JsonUtility
        public string? token;
        public string? expiresAt;
        public bool singleUse;
#pragma warning restore CS0649
    }
}
";
    }
}
