using UnityEditor;
using UnityEngine;

// Editor-only code (an Editor/ folder): never part of a player build.
public class InworldSetupWindow : EditorWindow
{
    [MenuItem("Inworld/Setup")]
    private static void Open() => GetWindow<InworldSetupWindow>("Inworld");

    private void OnGUI() => EditorGUILayout.HelpBox("Paste the key into your backend's secret store, not into an asset.", MessageType.Info);
}
