/** `npm run --silent sim -- FILE [--until 300] [--json] [--delete-at SECONDS]` */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatDiagnostic } from '../k8s';
import { simulate } from '../engine';
import { parseArgs } from './args';
import { loadInput } from './load';
import { buildReport, formatHuman } from './report';

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    process.stderr.write(`${args.file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}\n`);
    return 2;
  }
  const loaded = loadInput(text, basename(args.file));
  if (!loaded.ok) {
    process.stderr.write(`${loaded.errors.join('\n')}\n`);
    return 2;
  }
  const input = loaded.input;
  if (args.deleteAt !== undefined) input.actions = [...input.actions, { at: args.deleteAt, kind: 'deletePod' }];
  const result = simulate(input, { until: args.untilMs });
  if (!result.ok) {
    process.stderr.write(`${result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}\n`);
    return 2;
  }
  for (const d of result.trace.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const report = buildReport(result.trace);
  const name = result.trace.frames.find((f) => f.pods.length > 0)?.pods[0]?.metadata?.name ?? '';
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatHuman(report, name)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
