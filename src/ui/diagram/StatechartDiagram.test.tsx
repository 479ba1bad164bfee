import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatechartDiagram, describeActive, edgesTaken, explain, machineKinds } from './index';
import { layouts } from './model';

const crashLoop = ['waiting', 'waiting.crashLoopBackOff', 'waiting.crashLoopBackOff.resync'];

describe('StatechartDiagram', () => {
  it('marks the active states and names the diagram with them', () => {
    const html = renderToStaticMarkup(<StatechartDiagram machine="container" name="app" active={crashLoop} />);
    expect(html).toContain('aria-label="Container app statechart, active state: Waiting › CrashLoopBackOff › Resync"');
    expect(html).toMatch(/data-state="waiting.crashLoopBackOff"[^>]*data-active="true"/);
    expect(html).toMatch(/data-state="running"[^>]*data-active="false"/);
    // Not colour alone: active states carry a marker shape.
    expect(html).toContain('data-marker="active"');
    expect(html).toContain('role="button"');
    // The explanation of the innermost active state, with its docs link.
    expect(html).toContain('https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts');
  });

  it('marks the edge the last transition took', () => {
    const last = { from: ['terminated'], to: crashLoop, event: 'xstate.after.kubeletSync.container.terminated' };
    const html = renderToStaticMarkup(<StatechartDiagram machine="container" active={crashLoop} lastTransition={last} />);
    const marked = [...html.matchAll(/data-source="([^"]*)" data-target="([^"]*)"[^>]*data-last="true"/g)].map((m) => `${m[1]} -> ${m[2]}`);
    expect(marked).toEqual(['terminated -> waiting.crashLoopBackOff']);
  });

  it('draws parallel regions dashed and final states doubled', () => {
    const html = renderToStaticMarkup(<StatechartDiagram machine="probe" active={['ticker', 'ticker.ticking', 'prober', 'prober.idle']} />);
    expect(html).toMatch(/data-state="ticker"[^>]*>.*?stroke-dasharray:8 5/);
    expect(html).toContain('aria-label="Probe statechart, active state: Ticker › Ticking; Prober › Idle"');
    expect(html).toMatch(/data-state="prober.stopped"[^>]*data-type="final"/);
  });

  it('does not pull ELK or the machine definitions into the bundle', () => {
    for (const file of ['StatechartDiagram.tsx', 'model.ts', 'explanations.ts', 'index.ts', 'layout-types.ts']) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/from '(elkjs[^']*|\.\/graph|\.\/elk-layout|xstate[^']*|\.\.\/\.\.\/engine\/machines[^']*)'/);
    }
  });
});

describe('helpers', () => {
  it('describeActive names the innermost active states', () => {
    expect(describeActive('container', ['running', 'running.main'])).toBe('Running › Main');
    expect(describeActive('container', [])).toBe('none');
  });

  it('edgesTaken matches after-events by delay name and ignores unchanged self-loops', () => {
    const layout = layouts.probe;
    const taken = edgesTaken(layout, { from: ['prober', 'prober.probing', 'ticker', 'ticker.ticking'], to: ['prober', 'prober.idle', 'ticker', 'ticker.ticking'], event: 'PROBE_RESULT' });
    expect([...taken].map((id) => layout.edges.find((e) => e.id === id)?.source)).toEqual(['prober.probing']);
    const tick = edgesTaken(layout, { from: ['ticker.ticking'], to: ['ticker.ticking'], event: 'xstate.after.period.probe.ticker.ticking' });
    expect(tick.size).toBe(1);
  });

  it('has an explanation with a Kubernetes docs link for every drawn state', () => {
    expect(machineKinds).toEqual(expect.arrayContaining(['container', 'probe']));
    for (const kind of ['container', 'probe']) {
      for (const s of layouts[kind].states) {
        const entry = explain(kind, s.path);
        expect(entry, `${kind} ${s.path}`).toBeDefined();
        expect(entry?.href).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
      }
    }
  });
});
