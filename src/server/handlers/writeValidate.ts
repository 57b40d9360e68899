import type { SeverityOverrides } from '../../engine/validate/codes';
import type { ProblemCounts } from '../../shared/protocol';
import type { FileProblems, ValidationSummary } from '../../shared/writeProtocol';
import { effectiveSeverity } from '../findingToDiagnostic';
import { filesOf, findingsOfFile, type StoreFindings } from '../storeFindings';
import type { WriteStore } from './writeStore';

/**
 * "Validate Store": the counts of the session's last store pass (what the
 * Problems panel holds for files on disk, and what `eventbus validate`
 * prints), after the user's severity settings. No second validation: the
 * watcher keeps the pass current.
 */
export function validateSummary(store: WriteStore): ValidationSummary {
  const { session } = store;
  return {
    storeRoot: store.root,
    eventCount: store.engine.index.eventCount,
    ...summarizeFindings(session.findings, session.settings.severity, (file) => store.uriOf(file)),
    checkedAt: session.lastRefresh?.toISOString() ?? null,
  };
}

/** Totals and per-file counts by effective severity; files without findings are left out, most errors first. */
export function summarizeFindings(
  findings: StoreFindings,
  overrides: SeverityOverrides,
  uriOf: (file: string) => string,
): { problems: ProblemCounts; files: FileProblems[] } {
  const total = { error: 0, warning: 0, information: 0, hint: 0 };
  const files: FileProblems[] = [];
  for (const file of filesOf(findings)) {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const finding of findingsOfFile(findings, file)) {
      const severity = effectiveSeverity(finding, overrides);
      if (severity !== null) counts[severity]++;
    }
    if (counts.error + counts.warning + counts.information + counts.hint === 0) continue;
    for (const key of ['error', 'warning', 'information', 'hint'] as const) total[key] += counts[key];
    files.push({ file, uri: uriOf(file), ...counts });
  }
  files.sort((a, b) => b.error - a.error || b.warning - a.warning || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { problems: total, files };
}
