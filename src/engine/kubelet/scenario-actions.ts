/**
 * What a scenario does to a pod's containers at its chosen moments: crash or OOM-kill one, write or
 * remove a file in its filesystem, make one of its endpoints answer differently.
 */
import type { SimAction } from '../input';
import type { ContainerSlot } from './container-slots';
import type { EndpointOverrides } from './endpoint-overrides';

export function applyScenarioAction(action: SimAction, slots: readonly ContainerSlot[], endpoints: EndpointOverrides): void {
  const slot = 'container' in action ? slots.find((s) => s.spec.name === action.container) : undefined;
  switch (action.kind) {
    case 'killContainer':
      if (action.how === 'oom') slot?.runtime?.oomKill();
      else slot?.runtime?.crash(action.exitCode ?? 1);
      break;
    case 'setEndpoint': {
      // A port the container declares is also reachable by its name (a probe's `port: http`).
      const port = String(slot?.spec.ports?.find((p) => p.containerPort === action.port)?.containerPort ?? action.port);
      const named = slot?.spec.ports?.find((p) => p.containerPort === action.port)?.name;
      const spellings = [port, named].filter((k): k is string => Boolean(k));
      endpoints.set(spellings, action.path, { status: action.status, timeout: action.timeout });
      break;
    }
    case 'writeFile':
      slot?.runtime?.fs.write(action.path, action.content ?? '');
      break;
    case 'removeFile':
      slot?.runtime?.fs.remove(action.path, true);
      break;
    default:
      break;
  }
}
