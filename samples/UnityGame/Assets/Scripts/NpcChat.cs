// A Unity client script that calls Inworld TTS the wrong way. Every credential in this sample is a
// GENERATED FAKE (random, never issued by Inworld). Scan it with:
//   dotnet run --project src/Inworld.Scan -- samples/UnityGame
using System.Collections;
using UnityEngine;
using UnityEngine.Networking;

public class NpcChat : MonoBehaviour
{
    // INW001: key id and secret serialized into the scene or prefab, and so into the player build.
    [SerializeField] private string inworldKeyId = "36A4SmZmj5XU09KC24qO4yxGiNjmNYil";
    [SerializeField] private string inworldSecret = "a98mZeDXUvDz7jZxb51dD6vC5sybeLDZfn1xDTxnmpQaxIUf3xrCnwC0Fz581Jib";

    [SerializeField] private InworldSettings settings;

    private IEnumerator Speak(string text)
    {
        using var request = new UnityWebRequest("https://api.inworld.ai/tts/v1/voice", "POST");
        request.SetRequestHeader("Authorization", "Basic " + settings.apiKey);
        request.uploadHandler = new UploadHandlerRaw(System.Text.Encoding.UTF8.GetBytes("{\"text\":\"" + text + "\"}"));
        request.downloadHandler = new DownloadHandlerBuffer();
        yield return request.SendWebRequest();
    }
}
