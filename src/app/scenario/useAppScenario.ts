/** The session plus the file side (export, import and what import could not read). */
import { useCallback, useState } from 'react';
import type { ExportFormat } from '../../scenario';
import { downloadScenario, importFile } from './file-io';
import { useScenarioSession, type ScenarioSession, type SessionHost } from './useScenarioSession';

export interface ImportProblem {
  fileName: string;
  errors: string[];
}

export interface AppScenario extends ScenarioSession {
  exportAs: (format: ExportFormat) => Promise<string>;
  importFrom: (file: File) => void;
  importProblem: ImportProblem | undefined;
  /** The file just imported, for a short confirmation. */
  imported: string | undefined;
  dismissImport: () => void;
}

export function useAppScenario(host: SessionHost): AppScenario {
  const session = useScenarioSession(host);
  const [importProblem, setImportProblem] = useState<ImportProblem | undefined>();
  const [imported, setImported] = useState<string | undefined>();
  const { open } = session;
  const current = host.current;

  const exportAs = useCallback(
    (format: ExportFormat) =>
      current ? downloadScenario(current, format) : Promise.reject(new Error('there is no scenario yet')),
    [current],
  );

  const importFrom = useCallback(
    (file: File) => {
      void importFile(file).then((result) => {
        if (!result.ok) {
          setImported(undefined);
          setImportProblem({ fileName: file.name, errors: result.errors });
          return;
        }
        setImportProblem(undefined);
        setImported(
          result.from === 'manifest' ? `${file.name} (a manifest, on the default node)` : file.name,
        );
        open(result.scenario);
      });
    },
    [open],
  );

  const dismissImport = useCallback(() => {
    setImportProblem(undefined);
    setImported(undefined);
  }, []);

  return { ...session, exportAs, importFrom, importProblem, imported, dismissImport };
}
