using UnityEngine;

// Editor-only settings for the sample's setup window (an Editor/ folder: never part of a player build).
// Its asset, Editor/InworldEditorConfig.asset, still holds a key in the repository (INW004, not shipped).
public class InworldEditorConfig : ScriptableObject
{
    [SerializeField] private string studioKeyId = "";
    [SerializeField] private string studioSecret = "";

    public bool IsConfigured => studioKeyId.Length > 0 && studioSecret.Length > 0;
}
