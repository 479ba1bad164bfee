/**
 * The scenario's pieces of the page, fed by useAppScenario: the header's share and file buttons, the
 * notices under the header, and the question asked when a link meets a different draft.
 */
import type { ScenarioV1 } from '../../scenario';
import { DraftConflictDialog } from '../../ui/share/DraftConflictDialog';
import { FileButtons } from '../../ui/share/FileButtons';
import { Notice, noticeButton } from '../../ui/share/Notice';
import { ShareLinkButtons } from '../../ui/share/ShareLinkButtons';
import { LINK_LIMITS } from './scenario-core';
import type { AppScenario } from './useAppScenario';

export function ScenarioHeaderControls({
  scenario,
  hasRun,
  momentLabel,
}: {
  scenario: AppScenario;
  hasRun: boolean;
  momentLabel: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Share">
      <ShareLinkButtons
        makeLink={scenario.shareLink}
        disabled={!hasRun}
        momentLabel={momentLabel}
        shareableChars={LINK_LIMITS.shareableChars}
      />
      <FileButtons disabled={!hasRun} onExport={scenario.exportAs} onImport={scenario.importFrom} />
    </div>
  );
}

/** `"liveness-exec" (1 action)`: enough to tell two scenarios apart in a sentence. */
export function describeScenario(s: ScenarioV1): string {
  const name = s.title ?? /^\s*name:\s*["']?([\w.-]+)/m.exec(s.manifest)?.[1] ?? s.fileName ?? 'a scenario';
  const n = s.actions.length;
  return `“${name}”${n > 0 ? ` (${n} action${n === 1 ? '' : 's'})` : ''}`;
}

export function ScenarioNotices({ scenario }: { scenario: AppScenario }) {
  const s = scenario;
  return (
    <>
      {s.restoredDraft && (
        <Notice
          tone="info"
          testId="draft-restored"
          actions={
            <button type="button" className={noticeButton} onClick={s.discardRestored}>
              Discard
            </button>
          }
          onDismiss={s.dismissRestored}
          dismissLabel="Hide this notice"
        >
          Restored your draft from this browser.
        </Notice>
      )}
      {s.stashed && s.phase.kind === 'ready' && (
        <Notice
          tone="info"
          testId="draft-stashed"
          actions={
            <>
              <button type="button" className={noticeButton} onClick={s.restorePrevious}>
                Restore my previous draft
              </button>
              <button
                type="button"
                className={noticeButton}
                onClick={s.forgetPrevious}
                aria-label="Forget my previous draft"
              >
                Forget it
              </button>
            </>
          }
        >
          Your draft from before you opened a link is kept aside.
        </Notice>
      )}
      {s.warnings.length > 0 && (
        <Notice tone="warn" testId="link-warnings" onDismiss={s.dismissWarnings}>
          {s.warnings.join(' ')}
        </Notice>
      )}
      {s.imported !== undefined && (
        <Notice tone="info" testId="import-done" onDismiss={s.dismissImport}>
          Opened {s.imported}.
        </Notice>
      )}
      {s.importProblem && (
        <Notice tone="error" role="alert" testId="import-errors" onDismiss={s.dismissImport}>
          <span>Could not import {s.importProblem.fileName}:</span>
          <ul className="font-mono text-xs">
            {s.importProblem.errors.slice(0, 6).map((e) => (
              <li key={e}>{e}</li>
            ))}
            {s.importProblem.errors.length > 6 && <li>… and {s.importProblem.errors.length - 6} more</li>}
          </ul>
        </Notice>
      )}
      {s.problem && (
        <Notice
          tone="warn"
          testId="storage-status"
          onDismiss={s.dismissProblem}
          dismissLabel="Hide the storage notice"
        >
          {s.problem.message}
        </Notice>
      )}
    </>
  );
}

export function ScenarioDialog({ scenario }: { scenario: AppScenario }) {
  const phase = scenario.phase;
  return (
    <DraftConflictDialog
      open={phase.kind === 'conflict'}
      linkLabel={phase.kind === 'conflict' ? describeScenario(phase.link) : ''}
      draftLabel={phase.kind === 'conflict' ? describeScenario(phase.draft) : ''}
      onOpenLink={scenario.openLink}
      onKeepDraft={scenario.keepDraft}
    />
  );
}
