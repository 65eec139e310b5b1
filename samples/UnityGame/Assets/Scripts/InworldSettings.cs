using UnityEngine;

// The asset Resources/InworldSettings.asset holds an instance of this: its m_APIKey ships in the build (INW004).
[CreateAssetMenu(menuName = "Inworld/Settings")]
public class InworldSettings : ScriptableObject
{
    [SerializeField] private string m_APIKey = "";
    [SerializeField] private string m_WorkspaceId = "";

    public string apiKey => m_APIKey;
    public string workspaceId => m_WorkspaceId;
}
