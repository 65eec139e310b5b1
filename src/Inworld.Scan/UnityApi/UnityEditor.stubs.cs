// Stand-ins for UnityEditor types that Editor scripts in a Unity project use (compiled by inworld-scan into a
// reference assembly named UnityEditor.CoreModule; Unity references UnityEditor from every Editor compile).
// Signatures follow Unity's Scripting API reference pages cited next to each.
#pragma warning disable
using System;

namespace UnityEditor
{
    // https://docs.unity3d.com/ScriptReference/EditorWindow.html
    public class EditorWindow : UnityEngine.ScriptableObject
    {
        // https://docs.unity3d.com/ScriptReference/EditorWindow.GetWindow.html
        public static T GetWindow<T>() where T : EditorWindow => default(T);
    }

    // https://docs.unity3d.com/ScriptReference/Editor.html
    public class Editor : UnityEngine.ScriptableObject
    {
        // https://docs.unity3d.com/ScriptReference/Editor-target.html
        public UnityEngine.Object target { get; set; }
        // https://docs.unity3d.com/ScriptReference/Editor.OnInspectorGUI.html
        public virtual void OnInspectorGUI() { }
    }

    // https://docs.unity3d.com/ScriptReference/CustomEditor.html
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public class CustomEditor : Attribute
    {
        public CustomEditor(Type inspectedType) { }
    }

    // https://docs.unity3d.com/ScriptReference/MenuItem.html
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MenuItem : Attribute
    {
        public MenuItem(string itemName) { }
    }

    // https://docs.unity3d.com/ScriptReference/InitializeOnLoadAttribute.html
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class InitializeOnLoadAttribute : Attribute { }

    // https://docs.unity3d.com/ScriptReference/EditorPrefs.html
    public class EditorPrefs
    {
        // https://docs.unity3d.com/ScriptReference/EditorPrefs.SetString.html
        public static void SetString(string key, string value) { }
        // https://docs.unity3d.com/ScriptReference/EditorPrefs.GetString.html
        public static string GetString(string key) => null;
        public static string GetString(string key, string defaultValue) => null;
    }

    // https://docs.unity3d.com/ScriptReference/AssetDatabase.html
    public sealed class AssetDatabase
    {
        // https://docs.unity3d.com/ScriptReference/AssetDatabase.LoadAssetAtPath.html
        public static T LoadAssetAtPath<T>(string assetPath) where T : UnityEngine.Object => default(T);
        // https://docs.unity3d.com/ScriptReference/AssetDatabase.SaveAssets.html
        public static void SaveAssets() { }
    }

    // https://docs.unity3d.com/ScriptReference/EditorUtility.html
    public class EditorUtility
    {
        // https://docs.unity3d.com/ScriptReference/EditorUtility.SetDirty.html
        public static void SetDirty(UnityEngine.Object target) { }
    }
}
