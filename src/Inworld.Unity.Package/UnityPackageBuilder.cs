// Compiled by MSBuild's RoslynCodeTaskFactory (UnityPackage.targets), not part of any project: builds the Unity package
// folder (sources + built DLLs + generated .meta files) and its tarball. No dependency beyond the base library, so it
// runs wherever `dotnet pack` runs (Linux, macOS, Windows).
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class InworldBuildUnityPackage : Task
{
    [Required] public string SourceFolder { get; set; }
    [Required] public string AnalyzerDll { get; set; }
    [Required] public string EditorDll { get; set; }
    [Required] public string License { get; set; }
    [Required] public string PackageName { get; set; }
    [Required] public string Version { get; set; }
    [Required] public string StagingFolder { get; set; }
    [Required] public string Tarball { get; set; }
    public bool Refresh { get; set; }

    // Files the build writes into the package; everything else in the source folder is hand-written.
    private const string AnalyzerPath = "Analyzers/Inworld.Analyzers.dll";
    private const string EditorDllPath = "Editor/Inworld.Unity.Editor.dll";
    private const string LicensePath = "LICENSE.md";

    // Fixed modification time for every tar entry (2020-01-01T00:00:00Z): the tarball depends on content only.
    private const long EntryTime = 1577836800;

    public override bool Execute()
    {
        var source = Path.GetFullPath(SourceFolder);
        var staging = Path.GetFullPath(StagingFolder);
        if (!File.Exists(Path.Combine(source, "package.json")))
        {
            Log.LogError("Unity package: no package.json in " + source);
            return false;
        }

        foreach (var required in new[] { AnalyzerDll, EditorDll, License })
        {
            if (!File.Exists(required))
            {
                Log.LogError("Unity package: " + required + " was not built");
                return false;
            }
        }

        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);

        var generated = new HashSet<string>(StringComparer.Ordinal) { AnalyzerPath, EditorDllPath, LicensePath };
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Relative(source, file);
            if (relative.EndsWith(".meta", StringComparison.Ordinal) || generated.Contains(relative)) continue;
            var target = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target));
            if (relative == "package.json")
            {
                File.WriteAllText(target, WithVersion(File.ReadAllText(file), Version));
            }
            else
            {
                File.Copy(file, target);
            }
        }

        Copy(AnalyzerDll, Path.Combine(staging, AnalyzerPath));
        Copy(EditorDll, Path.Combine(staging, EditorDllPath));
        File.WriteAllText(Path.Combine(staging, LicensePath), File.ReadAllText(License).Replace("\r\n", "\n"));

        // Unity ignores assets without a .meta in an immutable (installed) package: every file and folder gets one, except
        // hidden ones (Samples~): Unity does not import them and they "aren't tracked with .meta files"
        // (Unity Manual 6000.0, Create samples for packages: https://docs.unity3d.com/6/Documentation/Manual/cus-samples.html).
        var assets = Directory.GetFileSystemEntries(staging, "*", SearchOption.AllDirectories).Select(p => Relative(staging, p)).Where(p => !IsHidden(p)).ToList();
        foreach (var asset in assets)
        {
            var isFolder = Directory.Exists(Path.Combine(staging, asset));
            File.WriteAllText(Path.Combine(staging, asset + ".meta"), Meta(asset, isFolder));
        }

        WriteTarball(staging, Tarball);
        Log.LogMessage(MessageImportance.High, "Unity package: " + Tarball);

        if (Refresh)
        {
            RefreshCommittedCopy(staging, source, generated);
            Log.LogMessage(MessageImportance.High, "Unity package: refreshed " + source);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The generated files go back into the repository's copy; .meta files of assets that no longer exist are removed.</summary>
    private static void RefreshCommittedCopy(string staging, string source, HashSet<string> generated)
    {
        foreach (var file in Directory.GetFiles(staging, "*", SearchOption.AllDirectories))
        {
            var relative = Relative(staging, file);
            if (relative.EndsWith(".meta", StringComparison.Ordinal) || generated.Contains(relative))
            {
                Copy(file, Path.Combine(source, relative));
            }
        }

        foreach (var meta in Directory.GetFiles(source, "*.meta", SearchOption.AllDirectories))
        {
            if (!File.Exists(Path.Combine(staging, Relative(source, meta))))
            {
                File.Delete(meta);
            }
        }
    }

    /// <summary>A path Unity's asset database skips: a segment ending in '~' (Samples~) or starting with '.'.</summary>
    private static bool IsHidden(string relative)
        => relative.Split('/').Any(segment => segment.EndsWith("~", StringComparison.Ordinal) || segment.StartsWith(".", StringComparison.Ordinal));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to));
        File.Copy(from, to, overwrite: true);
    }

    private static string Relative(string root, string path)
        => path.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/');

    /// <summary>package.json with its "version" value replaced: the Unity package's version is the NuGet package's.</summary>
    private static string WithVersion(string json, string version)
    {
        var key = json.IndexOf("\"version\"", StringComparison.Ordinal);
        var open = key < 0 ? -1 : json.IndexOf('"', json.IndexOf(':', key) + 1);
        var close = open < 0 ? -1 : json.IndexOf('"', open + 1);
        if (close < 0) throw new InvalidOperationException("package.json has no \"version\"");
        return json.Substring(0, open + 1) + version + json.Substring(close);
    }

    /// <summary>A stable GUID per asset: the MD5 of the package name and the asset's path, the same on every pack and machine.</summary>
    public static string GuidFor(string packageName, string relativePath)
    {
        using (var md5 = MD5.Create())
        {
            return string.Concat(md5.ComputeHash(Encoding.UTF8.GetBytes(packageName + "/" + relativePath)).Select(b => b.ToString("x2")));
        }
    }

    private string Meta(string asset, bool isFolder)
    {
        var head = "fileFormatVersion: 2\nguid: " + GuidFor(PackageName, asset) + "\n";
        const string Tail = "  userData: \n  assetBundleName: \n  assetBundleVariant: \n";
        if (isFolder) return head + "folderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n" + Tail;
        if (asset == AnalyzerPath) return head + AnalyzerImporter + Tail;
        if (asset == EditorDllPath) return head + EditorPluginImporter + Tail;
        switch (Path.GetExtension(asset))
        {
            case ".cs":
                return head + "MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n  executionOrder: 0\n  icon: {instanceID: 0}\n" + Tail;
            case ".asmdef":
                return head + "AssemblyDefinitionImporter:\n  externalObjects: {}\n" + Tail;
            case ".json":
                return asset == "package.json"
                    ? head + "PackageManifestImporter:\n  externalObjects: {}\n" + Tail
                    : head + "TextScriptImporter:\n  externalObjects: {}\n" + Tail;
            case ".md":
            case ".txt":
                return head + "TextScriptImporter:\n  externalObjects: {}\n" + Tail;
            default:
                return head + "DefaultImporter:\n  externalObjects: {}\n" + Tail;
        }
    }

    // The analyzer: label RoslynAnalyzer and no platform at all (Any, Editor, Standalone disabled), as Unity's manual
    // prescribes ("Roslyn analyzers and source generators", https://docs.unity3d.com/Documentation/Manual/roslyn-analyzers.html:
    // in the Plugin Inspector disable Any Platform, then Editor and Standalone, and assign the label RoslynAnalyzer).
    // The manual shows the Inspector steps, not the .meta text: this is how Unity serializes those settings
    // (labels list before the importer, one platformData entry per platform with enabled: 0). Unity's compiler then passes it to Roslyn as an analyzer and never loads it as a plug-in.
    private const string AnalyzerImporter =
        "labels:\n- RoslynAnalyzer\n" +
        "PluginImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  iconMap: {}\n  executionOrder: {}\n  defineConstraints: []\n" +
        "  isPreloaded: 0\n  isOverridable: 0\n  isExplicitlyReferenced: 0\n  validateReferences: 0\n" +
        "  platformData:\n" +
        "  - first:\n      : Any\n    second:\n      enabled: 0\n      settings:\n        Exclude Editor: 1\n        Exclude Linux64: 1\n        Exclude OSXUniversal: 1\n        Exclude Win: 1\n        Exclude Win64: 1\n" +
        "  - first:\n      Any: \n    second:\n      enabled: 0\n      settings: {}\n" +
        "  - first:\n      Editor: Editor\n    second:\n      enabled: 0\n      settings:\n        CPU: AnyCPU\n        DefaultValueInitialized: true\n        OS: AnyOS\n" +
        "  - first:\n      Standalone: Linux64\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n" +
        "  - first:\n      Standalone: OSXUniversal\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n" +
        "  - first:\n      Standalone: Win\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n" +
        "  - first:\n      Standalone: Win64\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n";

    // The Editor logic: loaded by the Editor only (never in a player), and referenced only by the package's Editor
    // assembly (isExplicitlyReferenced: 1; the .asmdef lists it in precompiledReferences), so user scripts do not see it.
    private const string EditorPluginImporter =
        "PluginImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  iconMap: {}\n  executionOrder: {}\n  defineConstraints: []\n" +
        "  isPreloaded: 0\n  isOverridable: 0\n  isExplicitlyReferenced: 1\n  validateReferences: 1\n" +
        "  platformData:\n" +
        "  - first:\n      : Any\n    second:\n      enabled: 0\n      settings:\n        Exclude Editor: 0\n        Exclude Linux64: 1\n        Exclude OSXUniversal: 1\n        Exclude Win: 1\n        Exclude Win64: 1\n" +
        "  - first:\n      Any: \n    second:\n      enabled: 0\n      settings: {}\n" +
        "  - first:\n      Editor: Editor\n    second:\n      enabled: 1\n      settings:\n        CPU: AnyCPU\n        DefaultValueInitialized: true\n        OS: AnyOS\n" +
        "  - first:\n      Standalone: Linux64\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n" +
        "  - first:\n      Standalone: OSXUniversal\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n" +
        "  - first:\n      Standalone: Win\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n" +
        "  - first:\n      Standalone: Win64\n    second:\n      enabled: 0\n      settings:\n        CPU: None\n";

    /// <summary>A gzip-compressed ustar archive of the folder, every file under "package/" (the npm layout Unity reads).</summary>
    private static void WriteTarball(string folder, string tarball)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(tarball)));
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Relative(folder, f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        using (var output = File.Create(tarball))
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            foreach (var file in files)
            {
                var content = File.ReadAllBytes(Path.Combine(folder, file));
                gzip.Write(Header("package/" + file, content.Length), 0, 512);
                gzip.Write(content, 0, content.Length);
                var padding = (512 - content.Length % 512) % 512;
                gzip.Write(new byte[padding], 0, padding);
            }

            gzip.Write(new byte[1024], 0, 1024); // two empty blocks end the archive
        }
    }

    private static byte[] Header(string name, long size)
    {
        var header = new byte[512];
        var prefix = string.Empty;
        if (Encoding.UTF8.GetByteCount(name) > 100)
        {
            var cut = name.LastIndexOf('/', Math.Min(name.Length - 1, 154));
            if (cut <= 0 || Encoding.UTF8.GetByteCount(name.Substring(cut + 1)) > 100) throw new InvalidOperationException("path too long for a tar entry: " + name);
            prefix = name.Substring(0, cut);
            name = name.Substring(cut + 1);
        }

        Put(header, 0, 100, name);
        Put(header, 100, 8, "0000644");
        Put(header, 108, 8, "0000000");
        Put(header, 116, 8, "0000000");
        Put(header, 124, 12, Convert.ToString(size, 8).PadLeft(11, '0'));
        Put(header, 136, 12, Convert.ToString(EntryTime, 8).PadLeft(11, '0'));
        for (var i = 148; i < 156; i++) header[i] = (byte)' ';
        header[156] = (byte)'0';
        Put(header, 257, 6, "ustar");
        Put(header, 263, 2, "00");
        Put(header, 345, 155, prefix);
        var checksum = header.Sum(b => (int)b);
        Put(header, 148, 8, Convert.ToString(checksum, 8).PadLeft(6, '0'));
        header[154] = 0;
        header[155] = (byte)' ';
        return header;
    }

    private static void Put(byte[] header, int offset, int length, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Array.Copy(bytes, 0, header, offset, Math.Min(bytes.Length, length));
    }
}
