/**
 * The image catalogue: resolves a reference as a registry would (normalised name, tag or digest)
 * to what PodPlay knows of the image, scenario-declared behaviours first, then the built-in
 * entries; anything else fails the way the registry answers.
 */
import type { ImageRef } from '../../k8s/image-ref';
import type { CustomImageBehaviour, ImageCatalogue, ImageInfo, PullError } from '../sandbox-types';
import type { Program, Signal } from '../types';
import { customProgram } from '../custom-image';
import { CATALOGUE, type CatalogueEntry } from './entries';
import { parseOrError } from './image-ref';
import type { ProgramResolver } from './program-kit';
import { pullError } from './pull-errors';

/** What the runtime needs of an image beyond ImageInfo. */
export interface RuntimeImage {
  info: ImageInfo;
  stopSignal: Signal;
  files: Record<string, string>;
  /** The image's own programs by name; `resolve` is the container's full lookup (for exec "$@"). */
  programs(resolve: () => ProgramResolver): Record<string, Program>;
  /** A scenario behaviour runs whatever the argv (the behaviour is the image). */
  custom?: Program;
}

export interface RuntimeCatalogue extends ImageCatalogue {
  /** The runtime's view of an image resolve() returned (looked up again by normalised name). */
  image(info: ImageInfo): RuntimeImage | undefined;
}

const DEFAULT_CUSTOM_SIZE = 10 * 1000 * 1000;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const repoName = (ref: ImageRef) => `${ref.registry}/${ref.repository}`;

function entryInfo(ref: ImageRef, entry: CatalogueEntry): ImageInfo {
  return {
    ref,
    sizeBytes: Math.round(entry.sizeBytes),
    entrypoint: [...entry.entrypoint],
    cmd: [...entry.cmd],
    workingDir: entry.workingDir,
    ports: [...entry.ports],
    description: entry.description,
  };
}

/** Does a custom behaviour's reference match? Without a tag or digest it matches every tag. */
function customMatches(behaviour: CustomImageBehaviour, ref: ImageRef): boolean {
  const own = parseOrError(behaviour.image);
  if (!('normalized' in own)) return false;
  if (own.normalized === ref.normalized) return true;
  const untagged = !/[:@][^/]*$/.test(behaviour.image.replace(/^[^/]*\//, ''));
  return untagged && repoName(own) === repoName(ref);
}

export function createCatalogue(customImages: CustomImageBehaviour[] = []): RuntimeCatalogue {
  const entries = new Map(CATALOGUE.map((e) => [e.name, e]));

  const lookup = (image: string): RuntimeImage | PullError => {
    const ref = parseOrError(image);
    if (!('normalized' in ref)) return ref;
    const entry = entries.get(repoName(ref));
    const behaviour = customImages.find((b) => customMatches(b, ref));
    if (behaviour) {
      const base = entry ? entryInfo(ref, entry) : undefined;
      return {
        info: {
          ...(base ?? { ref, entrypoint: ['/app'], cmd: [], workingDir: '/', ports: [], description: `custom image ${behaviour.image}` }),
          ref,
          sizeBytes: behaviour.sizeBytes ?? base?.sizeBytes ?? DEFAULT_CUSTOM_SIZE,
          ports: behaviour.listen?.map((l) => l.port) ?? base?.ports ?? [],
        },
        stopSignal: entry?.stopSignal ?? 'TERM',
        files: entry?.files ?? {},
        programs: entry ? (r) => entry.programs(r) : () => ({}),
        custom: customProgram(behaviour),
      };
    }
    if (!entry) return pullError(ref, false);
    const tagOk = ref.tag === undefined || entry.tagExists(ref.tag);
    const digestOk = ref.digest === undefined || DIGEST.test(ref.digest);
    if (!tagOk || !digestOk) return pullError(ref, true);
    return { info: entryInfo(ref, entry), stopSignal: entry.stopSignal, files: entry.files, programs: (r) => entry.programs(r) };
  };

  return {
    resolve(image: string): ImageInfo | PullError {
      const found = lookup(image);
      return 'info' in found ? found.info : found;
    },
    image(info: ImageInfo): RuntimeImage | undefined {
      const found = lookup(info.ref.raw || info.ref.normalized);
      return 'info' in found ? found : undefined;
    },
  };
}
