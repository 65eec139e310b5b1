using System.Collections.Generic;

namespace Inworld.Analyzers.Core.ShippedFiles
{
    /// <summary>One name/value pair read from a settings file, with where its value starts in the text.</summary>
    internal readonly struct SettingEntry
    {
        public SettingEntry(string name, string container, string value, int valueStart, int valueLength, int objectId)
        {
            Name = name;
            Container = container;
            Value = value;
            ValueStart = valueStart;
            ValueLength = valueLength;
            ObjectId = objectId;
        }

        /// <summary>The setting's own name: "ApiKey", "INWORLD_SECRET", "m_APIKey".</summary>
        public string Name { get; }

        /// <summary>The names of the enclosing sections or objects, joined with ':' ("Inworld", "Logging:Console").</summary>
        public string Container { get; }

        /// <summary>The value as the application reads it (quotes removed, escapes decoded).</summary>
        public string Value { get; }

        /// <summary>Offset of the value's first character in the file text (inside any quotes).</summary>
        public int ValueStart { get; }

        /// <summary>Length of the value as written in the file.</summary>
        public int ValueLength { get; }

        /// <summary>Entries of one object (JSON object, INI section, Unity component) share this id.</summary>
        public int ObjectId { get; }

        public string Path => Container.Length == 0 ? Name : Container + ":" + Name;
    }

    /// <summary>Reads name/value pairs from one format. Never throws on malformed text: it reads what it can.</summary>
    internal interface ISettingsReader
    {
        IEnumerable<SettingEntry> Read(string text);
    }
}
