using System;
using System.IO;
using Inworld.Analyzers.Tests.Helpers;
using Inworld.Analyzers.Tests.Package;
using Inworld.Analyzers.Tests.Unity;
using Xunit;

namespace Inworld.Analyzers.Tests.NoSilentGreen
{
    /// <summary>
    /// The Unity package's build gate as a CI job runs it: Unity in batch mode builds a player from a project that installed
    /// the packed tarball. The Editor code and logic DLL come from com.inworld.analyzers-&lt;version&gt;.tgz; Unity's API is
    /// stubbed. Before this package, nothing inside Unity looked at assets, and a batch-mode build with a key passed.
    /// </summary>
    public sealed partial class NoSilentGreenTests
    {
        private UnityGlueHarness LoadPackedEditorCode(string project)
        {
            var (package, _) = UnityTarball.Extract(_package);
            var harness = UnityGlueHarness.Load(Path.Combine(package, "Editor"), Path.Combine(package, "Editor", "Inworld.Unity.Editor.dll"));
            harness.Set("DataPath", Path.Combine(project, "Assets").Replace('\\', '/'));
            harness.Set("IsBatchMode", true);
            return harness;
        }

        private static void WriteUnityProjectFile(string project, string assetPath, string content)
        {
            var path = Path.Combine(project, assetPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        [Fact]
        public void Unity_batch_mode_build_with_a_key_in_a_Resources_asset_fails()
        {
            var fake = new FakeCredentials(1101);
            var project = Path.Combine(_package.Root, "nsg-unity-gate");
            WriteUnityProjectFile(project, "Assets/Resources/InworldSettings.asset", "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  m_Name: InworldSettings\n  m_APIKey: " + fake.ApiKey + "\n");
            using var unity = LoadPackedEditorCode(project);

            var thrown = unity.Run("Inworld.Analyzers.UnityGate.InworldBuildGate", "OnPreprocessBuild", instance: true, unity.NewBuildReport());

            Assert.NotNull(thrown);
            Assert.Equal("UnityEditor.Build.BuildFailedException", thrown!.GetType().FullName);
            Assert.Contains("Assets/Resources/InworldSettings.asset(5,13): error INW004", thrown.Message);
            AssertNoSecret(thrown.Message, fake);
            Assert.All(unity.Errors, e => AssertNoSecret(e, fake));
        }

        [Fact]
        public void Unity_batch_mode_build_fails_when_a_shipped_file_cannot_be_read()
        {
            var project = Path.Combine(_package.Root, "nsg-unity-unreadable");
            Directory.CreateDirectory(Path.Combine(project, "Assets"));
            using var unity = LoadPackedEditorCode(project);
            // An enabled scene that is not on disk (deleted, or a broken checkout): never a quiet pass.
            unity.SetScenes(("Assets/Scenes/Missing.unity", true));

            var thrown = unity.Run("Inworld.Analyzers.UnityGate.InworldBuildGate", "OnPreprocessBuild", instance: true, unity.NewBuildReport());

            Assert.NotNull(thrown);
            Assert.Contains("Assets/Scenes/Missing.unity: error INW900: could not read", thrown!.Message);
        }
    }
}
