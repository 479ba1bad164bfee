/**
 * npm run layout: lays out every statechart in src/engine/machines with ELK (in Node, at build
 * time) and writes src/ui/diagram/layouts.generated.json, which the diagram component draws. The
 * browser never loads ELK. src/ui/diagram/layouts.test.ts fails when the JSON no longer matches the
 * machines, so run this after changing a machine and commit the JSON.
 *
 *   npm run layout            write the JSON
 *   npm run layout -- --check exit 1 if the committed JSON differs from a fresh layout
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { collectMachines, machineGraph, type MachineGraph } from '../src/ui/diagram/graph';
import { layoutMachine } from '../src/ui/diagram/elk-layout';
import { serializeLayouts } from '../src/ui/diagram/serialize';
import type { Layouts, MachineLayout } from '../src/ui/diagram/layout-types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const machinesDir = join(root, 'src/engine/machines');
const outFile = join(root, 'src/ui/diagram/layouts.generated.json');

/** The slide-shaped box a diagram should fill: the direction that draws it largest in it wins. */
const TARGET = { width: 1600, height: 900 };

async function bestLayout(elk: InstanceType<typeof ELK>, graph: MachineGraph): Promise<MachineLayout> {
  let best: { layout: MachineLayout; scale: number } | undefined;
  for (const direction of ['RIGHT', 'DOWN']) {
    const layout = await layoutMachine(elk, graph, { 'elk.direction': direction });
    const scale = Math.min(TARGET.width / layout.width, TARGET.height / layout.height);
    if (!best || scale > best.scale + 0.01) best = { layout, scale };
  }
  return (best as { layout: MachineLayout }).layout;
}

async function main(): Promise<void> {
  const files = readdirSync(machinesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort();
  const modules: Array<Record<string, unknown>> = [];
  for (const file of files) modules.push((await import(pathToFileURL(join(machinesDir, file)).href)) as Record<string, unknown>);
  const machines = collectMachines(modules);

  const elk = new ELK();
  const layouts: Layouts = {};
  for (const machine of machines) layouts[machine.id] = await bestLayout(elk, machineGraph(machine));
  const json = serializeLayouts(layouts);

  if (process.argv.includes('--check')) {
    const current = readFileSync(outFile, 'utf8');
    if (current !== json) {
      console.error(`${outFile} is stale: run npm run layout`);
      process.exit(1);
    }
    console.log('layouts up to date');
    return;
  }
  writeFileSync(outFile, json);
  const summary = machines.map((m) => `${m.id} (${layouts[m.id].states.length} states, ${layouts[m.id].edges.length} edges)`).join(', ');
  console.log(`wrote ${outFile}: ${summary}; ${Buffer.byteLength(json)} bytes`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
