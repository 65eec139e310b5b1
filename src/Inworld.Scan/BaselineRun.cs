using System;
using System.Collections.Generic;
using System.IO;

namespace Inworld.Scan
{
    /// <summary>
    /// --baseline and --write-baseline for one run. Both files are opened before the scan, so a baseline that
    /// cannot be used stops the run at once (exit 2) instead of after a full scan, and never turns into "no baseline".
    /// </summary>
    internal sealed class BaselineRun
    {
        private readonly BaselineFile? _applied;
        private readonly BaselineFile? _recording;

        private BaselineRun(BaselineFile? applied, BaselineFile? recording)
        {
            _applied = applied;
            _recording = recording;
        }

        /// <summary>Whether this run records a baseline: it then exits 0 once the file is written.</summary>
        public bool Records => _recording != null;

        /// <exception cref="BaselineException">The --baseline file cannot be read or is not valid, or an existing --write-baseline file is not a baseline.</exception>
        public static BaselineRun Prepare(ScanOptions options)
        {
            var applied = options.BaselinePath == null ? null : BaselineFile.Load(options.BaselinePath);
            BaselineFile? recording = null;
            if (options.WriteBaselinePath != null)
            {
                // Found out before a scan that may take minutes, not after it.
                var folder = Path.GetDirectoryName(Path.GetFullPath(options.WriteBaselinePath));
                if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
                {
                    throw new BaselineException("cannot write baseline " + options.WriteBaselinePath + ": folder " + folder + " does not exist");
                }

                if (!File.Exists(options.WriteBaselinePath))
                {
                    recording = BaselineFile.Create(options.WriteBaselinePath);
                }
                else
                {
                    try
                    {
                        // Rewriting keeps the file's key: entries that did not change keep their digests, so the diff shows only what changed.
                        recording = BaselineFile.Load(options.WriteBaselinePath);
                    }
                    catch (BaselineException e)
                    {
                        throw new BaselineException(e.Message + " (--write-baseline does not overwrite a file that is not a baseline: delete it to start a new one)");
                    }
                }
            }

            return new BaselineRun(applied, recording);
        }

        /// <summary>Matches the findings against --baseline; null without one.</summary>
        public BaselineOutcome? Apply(IReadOnlyList<Finding> findings, ScanProblems problems)
            => _applied == null ? null : BaselineMatcher.Apply(_applied, findings, problems);

        /// <summary>
        /// Writes --write-baseline with every finding of the run (baselined or not). Not when a file could not be
        /// read in full: its findings would be missing from the baseline, and the run exits 2 anyway.
        /// </summary>
        /// <exception cref="BaselineException">The file cannot be written.</exception>
        public void Record(IReadOnlyList<Finding> findings, ScanProblems problems, Action<string> progress)
        {
            if (_recording == null)
            {
                return;
            }

            var entries = BaselineMatcher.EntriesFor(_recording, findings, problems);
            if (problems.HasErrors)
            {
                problems.Error(_recording.FullPath, "baseline not written: the scan did not read every file in full (see the other errors), and a baseline must record every finding");
                return;
            }

            _recording.WithEntries(entries).Save();
            progress("wrote " + Wording.Count(entries.Count, "baseline entry", "baseline entries") + " to " + Reports.DisplayPath(_recording.FullPath));
        }
    }
}
