// Stand-ins for the parts of Unity's API that Inworld code uses, so that inworld-scan binds Unity calls
// (UnityWebRequest.SetRequestHeader, PlayerPrefs.SetString, [SerializeField] fields ...) as a build with
// Unity's assemblies does. Compiled once by inworld-scan into a reference assembly named
// UnityEngine.CoreModule and referenced only by compilations of Unity projects; never shipped as code.
// Bodies are empty: only signatures matter to the analyzers. Each signature follows the page of Unity's
// Scripting API reference cited next to it (https://docs.unity3d.com/ScriptReference/...).
#pragma warning disable
using System;
using System.Collections;
using System.Threading;

namespace UnityEngine
{
    // https://docs.unity3d.com/ScriptReference/Object.html
    public class Object
    {
        public string name { get; set; }
        // https://docs.unity3d.com/ScriptReference/Object-hideFlags.html
        public HideFlags hideFlags { get; set; }
        // https://docs.unity3d.com/ScriptReference/Object.Destroy.html
        public static void Destroy(Object obj) { }
        // https://docs.unity3d.com/ScriptReference/Object.DontDestroyOnLoad.html
        public static void DontDestroyOnLoad(Object target) { }
        // https://docs.unity3d.com/ScriptReference/Object.Instantiate.html
        public static T Instantiate<T>(T original) where T : Object => original;
    }

    // https://docs.unity3d.com/ScriptReference/HideFlags.html (values as the page lists them)
    [Flags]
    public enum HideFlags
    {
        None = 0,
        HideInHierarchy = 1,
        HideInInspector = 2,
        DontSaveInEditor = 4,
        NotEditable = 8,
        DontSaveInBuild = 16,
        // https://docs.unity3d.com/ScriptReference/HideFlags.DontUnloadUnusedAsset.html
        DontUnloadUnusedAsset = 32,
        DontSave = 52,
        HideAndDontSave = 61,
    }

    // https://docs.unity3d.com/ScriptReference/Component.html
    public class Component : Object
    {
        public GameObject gameObject => null;
        public Transform transform => null;
        public T GetComponent<T>() => default(T);
    }

    // https://docs.unity3d.com/ScriptReference/Transform.html
    public class Transform : Component { }

    // https://docs.unity3d.com/ScriptReference/GameObject.html
    public sealed class GameObject : Object
    {
        public GameObject() { }
        public GameObject(string name) { }
        public T GetComponent<T>() => default(T);
        public T AddComponent<T>() where T : Component => default(T);
    }

    // https://docs.unity3d.com/ScriptReference/Behaviour.html
    public class Behaviour : Component
    {
        public bool enabled { get; set; }
    }

    // https://docs.unity3d.com/ScriptReference/MonoBehaviour.html
    public class MonoBehaviour : Behaviour
    {
        // https://docs.unity3d.com/ScriptReference/MonoBehaviour.StartCoroutine.html
        public Coroutine StartCoroutine(IEnumerator routine) => null;
        // https://docs.unity3d.com/ScriptReference/MonoBehaviour.StopCoroutine.html
        public void StopCoroutine(Coroutine routine) { }
        // https://docs.unity3d.com/ScriptReference/MonoBehaviour.StopAllCoroutines.html
        public void StopAllCoroutines() { }
        // https://docs.unity3d.com/ScriptReference/MonoBehaviour-destroyCancellationToken.html (2022.2+)
        public CancellationToken destroyCancellationToken => default(CancellationToken);
    }

    // https://docs.unity3d.com/ScriptReference/ScriptableObject.html
    public class ScriptableObject : Object
    {
        // https://docs.unity3d.com/ScriptReference/ScriptableObject.CreateInstance.html
        public static T CreateInstance<T>() where T : ScriptableObject => default(T);
    }

    // https://docs.unity3d.com/ScriptReference/SerializeField.html
    [AttributeUsage(AttributeTargets.Field)]
    public sealed class SerializeField : Attribute { }

    // https://docs.unity3d.com/ScriptReference/HideInInspector.html
    [AttributeUsage(AttributeTargets.Field)]
    public sealed class HideInInspector : Attribute { }

    // https://docs.unity3d.com/ScriptReference/TooltipAttribute.html
    [AttributeUsage(AttributeTargets.Field)]
    public class TooltipAttribute : Attribute
    {
        public TooltipAttribute(string tooltip) { }
    }

    // https://docs.unity3d.com/ScriptReference/HeaderAttribute.html
    [AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
    public class HeaderAttribute : Attribute
    {
        public HeaderAttribute(string header) { }
    }

    // https://docs.unity3d.com/ScriptReference/CreateAssetMenuAttribute.html
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class CreateAssetMenuAttribute : Attribute
    {
        public string fileName { get; set; }
        public string menuName { get; set; }
        public int order { get; set; }
    }

    // https://docs.unity3d.com/ScriptReference/RuntimePlatform.html (the members Inworld code branches on)
    public enum RuntimePlatform
    {
        OSXEditor = 0,
        OSXPlayer = 1,
        WindowsPlayer = 2,
        WindowsEditor = 7,
        IPhonePlayer = 8,
        Android = 11,
        LinuxPlayer = 13,
        LinuxEditor = 16,
        WebGLPlayer = 17,
    }

    // https://docs.unity3d.com/ScriptReference/Application.html
    public static class Application
    {
        // https://docs.unity3d.com/ScriptReference/Application-isEditor.html
        public static bool isEditor => false;
        // https://docs.unity3d.com/ScriptReference/Application-platform.html
        public static RuntimePlatform platform => RuntimePlatform.WindowsPlayer;
        // https://docs.unity3d.com/ScriptReference/Application-persistentDataPath.html
        public static string persistentDataPath => null;
        // https://docs.unity3d.com/ScriptReference/Application-streamingAssetsPath.html
        public static string streamingAssetsPath => null;
        // https://docs.unity3d.com/ScriptReference/Application-dataPath.html
        public static string dataPath => null;
        // https://docs.unity3d.com/ScriptReference/Application-version.html
        public static string version => null;
        // https://docs.unity3d.com/ScriptReference/Application-unityVersion.html
        public static string unityVersion => null;
        // https://docs.unity3d.com/ScriptReference/Application-isPlaying.html
        public static bool isPlaying => false;
        // https://docs.unity3d.com/ScriptReference/Application.OpenURL.html
        public static void OpenURL(string url) { }
        // https://docs.unity3d.com/ScriptReference/Application.Quit.html
        public static void Quit() { }
    }

    // https://docs.unity3d.com/ScriptReference/Debug.html
    public static class Debug
    {
        // https://docs.unity3d.com/ScriptReference/Debug.Log.html
        public static void Log(object message) { }
        public static void Log(object message, Object context) { }
        // https://docs.unity3d.com/ScriptReference/Debug.LogFormat.html
        public static void LogFormat(string format, params object[] args) { }
        // https://docs.unity3d.com/ScriptReference/Debug.LogWarning.html
        public static void LogWarning(object message) { }
        public static void LogWarning(object message, Object context) { }
        // https://docs.unity3d.com/ScriptReference/Debug.LogError.html
        public static void LogError(object message) { }
        public static void LogError(object message, Object context) { }
        // https://docs.unity3d.com/ScriptReference/Debug.LogException.html
        public static void LogException(Exception exception) { }
        // https://docs.unity3d.com/ScriptReference/Debug.Assert.html
        public static void Assert(bool condition) { }
        public static void Assert(bool condition, object message) { }
    }

    // https://docs.unity3d.com/ScriptReference/PlayerPrefs.html
    public class PlayerPrefs
    {
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.SetString.html
        public static void SetString(string key, string value) { }
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.GetString.html
        public static string GetString(string key) => null;
        public static string GetString(string key, string defaultValue) => null;
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.SetInt.html
        public static void SetInt(string key, int value) { }
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.GetInt.html
        public static int GetInt(string key) => 0;
        public static int GetInt(string key, int defaultValue) => 0;
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.HasKey.html
        public static bool HasKey(string key) => false;
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.DeleteKey.html
        public static void DeleteKey(string key) { }
        // https://docs.unity3d.com/ScriptReference/PlayerPrefs.Save.html
        public static void Save() { }
    }

    // https://docs.unity3d.com/ScriptReference/TextAsset.html
    public class TextAsset : Object
    {
        // https://docs.unity3d.com/ScriptReference/TextAsset-ctor.html
        public TextAsset() { }
        public TextAsset(string text) { }
        // https://docs.unity3d.com/ScriptReference/TextAsset-text.html
        public string text => null;
        // https://docs.unity3d.com/ScriptReference/TextAsset-bytes.html
        public byte[] bytes => null;
    }

    // https://docs.unity3d.com/ScriptReference/Resources.html
    public static class Resources
    {
        // https://docs.unity3d.com/ScriptReference/Resources.Load.html
        public static Object Load(string path) => null;
        public static T Load<T>(string path) where T : Object => default(T);
        // https://docs.unity3d.com/ScriptReference/Resources.LoadAsync.html
        public static ResourceRequest LoadAsync<T>(string path) where T : Object => null;
    }

    // https://docs.unity3d.com/ScriptReference/ResourceRequest.html
    public class ResourceRequest : AsyncOperation
    {
        public Object asset => null;
    }

    // https://docs.unity3d.com/ScriptReference/WWWForm.html
    public class WWWForm
    {
        // https://docs.unity3d.com/ScriptReference/WWWForm-ctor.html
        public WWWForm() { }
        // https://docs.unity3d.com/ScriptReference/WWWForm.AddField.html
        public void AddField(string fieldName, string value) { }
        public void AddField(string fieldName, int i) { }
        // https://docs.unity3d.com/ScriptReference/WWWForm.AddBinaryData.html
        public void AddBinaryData(string fieldName, byte[] contents) { }
        // https://docs.unity3d.com/ScriptReference/WWWForm-headers.html
        public System.Collections.Generic.Dictionary<string, string> headers => null;
        // https://docs.unity3d.com/ScriptReference/WWWForm-data.html
        public byte[] data => null;
    }

    // https://docs.unity3d.com/ScriptReference/YieldInstruction.html
    public class YieldInstruction { }

    // https://docs.unity3d.com/ScriptReference/AsyncOperation.html
    public class AsyncOperation : YieldInstruction
    {
        // https://docs.unity3d.com/ScriptReference/AsyncOperation-isDone.html
        public bool isDone => false;
        // https://docs.unity3d.com/ScriptReference/AsyncOperation-progress.html
        public float progress => 0f;
        // https://docs.unity3d.com/ScriptReference/AsyncOperation-completed.html
        public event Action<AsyncOperation> completed;
    }

    // https://docs.unity3d.com/ScriptReference/Coroutine.html
    public sealed class Coroutine : YieldInstruction { }

    // https://docs.unity3d.com/ScriptReference/WaitForSeconds.html
    public sealed class WaitForSeconds : YieldInstruction
    {
        // https://docs.unity3d.com/ScriptReference/WaitForSeconds-ctor.html
        public WaitForSeconds(float seconds) { }
    }

    // https://docs.unity3d.com/ScriptReference/WaitForSecondsRealtime.html
    public class WaitForSecondsRealtime : CustomYieldInstruction
    {
        public WaitForSecondsRealtime(float time) { }
        public override bool keepWaiting => false;
    }

    // https://docs.unity3d.com/ScriptReference/WaitForEndOfFrame.html
    public sealed class WaitForEndOfFrame : YieldInstruction { }

    // https://docs.unity3d.com/ScriptReference/CustomYieldInstruction.html
    public abstract class CustomYieldInstruction : IEnumerator
    {
        public abstract bool keepWaiting { get; }
        public object Current => null;
        public bool MoveNext() => keepWaiting;
        public void Reset() { }
    }

    // https://docs.unity3d.com/ScriptReference/WaitUntil.html
    public sealed class WaitUntil : CustomYieldInstruction
    {
        // https://docs.unity3d.com/ScriptReference/WaitUntil-ctor.html
        public WaitUntil(Func<bool> predicate) { }
        public override bool keepWaiting => false;
    }

    // https://docs.unity3d.com/ScriptReference/WaitWhile.html
    public sealed class WaitWhile : CustomYieldInstruction
    {
        public WaitWhile(Func<bool> predicate) { }
        public override bool keepWaiting => false;
    }

    // https://docs.unity3d.com/ScriptReference/Awaitable.html (Unity 6; 2023.1+)
    public class Awaitable
    {
        // https://docs.unity3d.com/ScriptReference/Awaitable-IsCompleted.html
        public bool IsCompleted => false;
        // https://docs.unity3d.com/ScriptReference/Awaitable.Cancel.html
        public void Cancel() { }
        // https://docs.unity3d.com/ScriptReference/Awaitable.NextFrameAsync.html
        public static Awaitable NextFrameAsync(CancellationToken cancellationToken = default(CancellationToken)) => null;
        // https://docs.unity3d.com/ScriptReference/Awaitable.WaitForSecondsAsync.html
        public static Awaitable WaitForSecondsAsync(float seconds, CancellationToken cancellationToken = default(CancellationToken)) => null;
        // https://docs.unity3d.com/ScriptReference/Awaitable.MainThreadAsync.html
        public static Awaitable MainThreadAsync() => null;
        // https://docs.unity3d.com/ScriptReference/Awaitable.BackgroundThreadAsync.html
        public static Awaitable BackgroundThreadAsync() => null;
        // https://docs.unity3d.com/ScriptReference/Awaitable.FromAsyncOperation.html
        public static Awaitable FromAsyncOperation(AsyncOperation op, CancellationToken cancellationToken = default(CancellationToken)) => null;
        // https://docs.unity3d.com/ScriptReference/Awaitable.GetAwaiter.html
        public Awaiter GetAwaiter() => default(Awaiter);

        public struct Awaiter : System.Runtime.CompilerServices.INotifyCompletion
        {
            public bool IsCompleted => true;
            public void OnCompleted(Action continuation) { }
            public void GetResult() { }
        }
    }

    // https://docs.unity3d.com/ScriptReference/Awaitable_1.html (Unity 6; 2023.1+): "can be awaited and used as an async
    // return type", so it names an async method builder (the builder's members follow C#'s async method builder pattern).
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(Awaitable<>.AwaitableAsyncMethodBuilder))]
    public class Awaitable<T>
    {
        // https://docs.unity3d.com/ScriptReference/Awaitable_1.Cancel.html
        public void Cancel() { }
        // https://docs.unity3d.com/ScriptReference/Awaitable_1.GetAwaiter.html
        public Awaiter GetAwaiter() => default(Awaiter);

        public struct Awaiter : System.Runtime.CompilerServices.INotifyCompletion
        {
            public bool IsCompleted => true;
            public void OnCompleted(Action continuation) { }
            public T GetResult() => default(T);
        }

        public struct AwaitableAsyncMethodBuilder
        {
            public static AwaitableAsyncMethodBuilder Create() => default(AwaitableAsyncMethodBuilder);
            public Awaitable<T> Task => null;
            public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
            public void SetStateMachine(System.Runtime.CompilerServices.IAsyncStateMachine stateMachine) { }
            public void SetResult(T result) { }
            public void SetException(Exception exception) { }
            public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                where TAwaiter : System.Runtime.CompilerServices.INotifyCompletion where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
            public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
                where TAwaiter : System.Runtime.CompilerServices.ICriticalNotifyCompletion where TStateMachine : System.Runtime.CompilerServices.IAsyncStateMachine { }
        }
    }

    // https://docs.unity3d.com/ScriptReference/JsonUtility.html
    public static class JsonUtility
    {
        // https://docs.unity3d.com/ScriptReference/JsonUtility.ToJson.html
        public static string ToJson(object obj) => null;
        public static string ToJson(object obj, bool prettyPrint) => null;
        // https://docs.unity3d.com/ScriptReference/JsonUtility.FromJson.html
        public static T FromJson<T>(string json) => default(T);
        public static object FromJson(string json, Type type) => null;
        // https://docs.unity3d.com/ScriptReference/JsonUtility.FromJsonOverwrite.html
        public static void FromJsonOverwrite(string json, object objectToOverwrite) { }
    }
}

namespace UnityEngine.Networking
{
    // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.html
    public class UnityWebRequest : IDisposable
    {
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Result.html
        public enum Result
        {
            InProgress,
            Success,
            ConnectionError,
            ProtocolError,
            DataProcessingError,
        }

        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-kHttpVerbGET.html (and the other verbs)
        public const string kHttpVerbGET = "GET";
        public const string kHttpVerbHEAD = "HEAD";
        public const string kHttpVerbPOST = "POST";
        public const string kHttpVerbPUT = "PUT";
        public const string kHttpVerbCREATE = "CREATE";
        public const string kHttpVerbDELETE = "DELETE";

        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-ctor.html
        public UnityWebRequest() { }
        public UnityWebRequest(string url) { }
        public UnityWebRequest(Uri uri) { }
        public UnityWebRequest(string url, string method) { }
        public UnityWebRequest(Uri uri, string method) { }
        public UnityWebRequest(string url, string method, DownloadHandler downloadHandler, UploadHandler uploadHandler) { }
        public UnityWebRequest(Uri uri, string method, DownloadHandler downloadHandler, UploadHandler uploadHandler) { }

        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Get.html
        public static UnityWebRequest Get(string uri) => null;
        public static UnityWebRequest Get(Uri uri) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Post.html
        public static UnityWebRequest Post(string uri, string postData, string contentType) => null;
        public static UnityWebRequest Post(Uri uri, string postData, string contentType) => null;
        public static UnityWebRequest Post(string uri, WWWForm formData) => null;
        public static UnityWebRequest Post(Uri uri, WWWForm formData) => null;
        public static UnityWebRequest Post(string uri, System.Collections.Generic.Dictionary<string, string> formFields) => null;
        public static UnityWebRequest Post(Uri uri, System.Collections.Generic.Dictionary<string, string> formFields) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.PostWwwForm.html (2022.2+)
        public static UnityWebRequest PostWwwForm(string uri, string form) => null;
        public static UnityWebRequest PostWwwForm(Uri uri, string form) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Put.html
        public static UnityWebRequest Put(string uri, byte[] bodyData) => null;
        public static UnityWebRequest Put(Uri uri, byte[] bodyData) => null;
        public static UnityWebRequest Put(string uri, string bodyData) => null;
        public static UnityWebRequest Put(Uri uri, string bodyData) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Delete.html
        public static UnityWebRequest Delete(string uri) => null;
        public static UnityWebRequest Delete(Uri uri) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Head.html
        public static UnityWebRequest Head(string uri) => null;
        public static UnityWebRequest Head(Uri uri) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.EscapeURL.html
        public static string EscapeURL(string s) => null;

        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.SetRequestHeader.html
        public void SetRequestHeader(string name, string value) { }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.GetRequestHeader.html
        public string GetRequestHeader(string name) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.GetResponseHeader.html
        public string GetResponseHeader(string name) => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.GetResponseHeaders.html
        public System.Collections.Generic.Dictionary<string, string> GetResponseHeaders() => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.SendWebRequest.html
        public UnityWebRequestAsyncOperation SendWebRequest() => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Abort.html
        public void Abort() { }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.Dispose.html
        public void Dispose() { }

        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-url.html
        public string url { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-uri.html
        public Uri uri { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-method.html
        public string method { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-downloadHandler.html
        public DownloadHandler downloadHandler { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-uploadHandler.html
        public UploadHandler uploadHandler { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-certificateHandler.html
        public CertificateHandler certificateHandler { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-timeout.html
        public int timeout { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-result.html
        public Result result => Result.InProgress;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-error.html
        public string error => null;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-responseCode.html
        public long responseCode => 0;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-isDone.html
        public bool isDone => false;
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-disposeDownloadHandlerOnDispose.html
        public bool disposeDownloadHandlerOnDispose { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest-disposeUploadHandlerOnDispose.html
        public bool disposeUploadHandlerOnDispose { get; set; }
    }

    // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequestAsyncOperation.html
    public class UnityWebRequestAsyncOperation : AsyncOperation
    {
        // https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequestAsyncOperation-webRequest.html
        public UnityWebRequest webRequest => null;
    }

    // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandler.html
    public class DownloadHandler : IDisposable
    {
        // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandler-text.html
        public string text => null;
        // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandler-data.html
        public byte[] data => null;
        // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandler-isDone.html
        public bool isDone => false;
        // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandler-error.html
        public string error => null;
        public void Dispose() { }
    }

    // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandlerBuffer.html
    public sealed class DownloadHandlerBuffer : DownloadHandler
    {
        // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandlerBuffer-ctor.html
        public DownloadHandlerBuffer() { }
        // https://docs.unity3d.com/ScriptReference/Networking.DownloadHandlerBuffer.GetContent.html
        public static string GetContent(UnityWebRequest www) => null;
    }

    // https://docs.unity3d.com/ScriptReference/Networking.UploadHandler.html
    public class UploadHandler : IDisposable
    {
        // https://docs.unity3d.com/ScriptReference/Networking.UploadHandler-contentType.html
        public string contentType { get; set; }
        // https://docs.unity3d.com/ScriptReference/Networking.UploadHandler-data.html
        public byte[] data => null;
        public void Dispose() { }
    }

    // https://docs.unity3d.com/ScriptReference/Networking.UploadHandlerRaw.html
    public sealed class UploadHandlerRaw : UploadHandler
    {
        // https://docs.unity3d.com/ScriptReference/Networking.UploadHandlerRaw-ctor.html
        public UploadHandlerRaw(byte[] data) { }
    }

    // https://docs.unity3d.com/ScriptReference/Networking.CertificateHandler.html
    public class CertificateHandler : IDisposable
    {
        protected virtual bool ValidateCertificate(byte[] certificateData) => false;
        public void Dispose() { }
    }
}
