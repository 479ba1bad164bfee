/**
 * Export downloads the scenario as a file (a Blob behind an object URL: nothing inline, so the page's
 * CSP stays as it is); import reads a scenario or a bare Pod manifest from a file the person picks.
 */
import type { ExportFormat, ImportResult, ScenarioV1 } from '../../scenario';

const MIME: Record<ExportFormat, string> = { json: 'application/json', yaml: 'application/yaml' };

/** `liveness-exec.yaml` → `liveness-exec.podplay.json`. */
export function exportFileName(s: ScenarioV1, format: ExportFormat): string {
  const stem =
    (s.title ?? s.fileName ?? 'scenario').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-') || 'scenario';
  return `${stem}.podplay.${format}`;
}

export async function downloadScenario(s: ScenarioV1, format: ExportFormat): Promise<string> {
  const { exportScenario } = await import('./file-codec');
  const name = exportFileName(s, format);
  const url = URL.createObjectURL(new Blob([exportScenario(s, format)], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Files larger than this are not scenarios; reading them would only freeze the page. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export async function importFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      ok: false,
      errors: [
        `${file.name}: ${Math.round(file.size / 1024).toLocaleString('en')} KiB is too large for a scenario (1 MiB at most)`,
      ],
    };
  try {
    const [{ importScenarioFile }, text] = await Promise.all([import('./file-codec'), file.text()]);
    return importScenarioFile(text, file.name);
  } catch (e) {
    return {
      ok: false,
      errors: [`${file.name}: could not be read (${e instanceof Error ? e.message : String(e)})`],
    };
  }
}
