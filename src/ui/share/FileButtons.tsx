/**
 * "Export" (the scenario as a JSON or YAML file) and "Import" (a scenario file or a bare Pod
 * manifest, .json/.yaml/.yml). What import could not read is reported by the caller, located.
 */
import { useRef, useState } from 'react';
import type { ExportFormat } from '../../scenario';
import { Popover } from './Popover';

export interface FileButtonsProps {
  disabled: boolean;
  onExport: (format: ExportFormat) => Promise<string>;
  onImport: (file: File) => void;
}

export function FileButtons({ disabled, onExport, onImport }: FileButtonsProps) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  const anchor = useRef<HTMLDivElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportAs = (format: ExportFormat) => {
    onExport(format).then(
      (name) => setDone(`Downloaded ${name}.`),
      (e: unknown) => setDone(`Export failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  return (
    <div ref={anchor} className="relative flex items-center gap-2">
      <button
        ref={exportButton}
        type="button"
        className="btn-secondary"
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setDone('');
          setOpen((o) => !o);
        }}
      >
        Export
      </button>
      <button type="button" className="btn-secondary" onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
        className="hidden"
        aria-label="Import a scenario or Pod manifest file"
        data-testid="import-file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onImport(file);
        }}
      />
      <Popover
        open={open}
        onClose={() => setOpen(false)}
        title="Export the scenario"
        anchor={anchor}
        returnFocus={exportButton}
        testId="export-popover"
        align="right"
      >
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          A file with the manifest, the node, the actions and the moment on screen. Import opens it again,
          here or in any PodPlay.
        </p>
        <div className="mt-2 flex gap-2">
          <button type="button" className="btn-primary" onClick={() => exportAs('json')}>
            Download JSON
          </button>
          <button type="button" className="btn-secondary" onClick={() => exportAs('yaml')}>
            Download YAML
          </button>
        </div>
        <p className="mt-2" role="status">
          {done}
        </p>
      </Popover>
    </div>
  );
}
