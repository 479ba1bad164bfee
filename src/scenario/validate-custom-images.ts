/** Behaviours a scenario declares for images the catalogue does not know (runtime CustomImageBehaviour). */
import type { CustomImageBehaviour } from '../runtime/sandbox-types';
import { arrayOf, fail, num, objectOf, oneOf, opt, recordOf, req, str, type Checker } from './check';

const seconds = num({ min: 0 });
const port = num({ min: 1, max: 65535, integer: true });

const onTermObject = objectOf({
  exitCode: opt(num({ min: 0, max: 255, integer: true })),
  delaySeconds: opt(seconds),
});
const onTerm: Checker<CustomImageBehaviour['onTerm']> = (v, path, issues) =>
  v === 'ignore'
    ? 'ignore'
    : typeof v === 'string'
      ? fail(issues, path, `must be "ignore" or a mapping, got "${v}"`)
      : onTermObject(v, path, issues);

const httpAnswer = objectOf({
  fromSeconds: req(seconds),
  status: req(num({ min: 100, max: 599, integer: true })),
  delaySeconds: opt(seconds),
});

const grpcAnswer = objectOf({
  fromSeconds: req(seconds),
  status: req(oneOf(['SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN', 'UNKNOWN'])),
});

const listener = objectOf({
  port: req(port),
  protocol: opt(oneOf(['http', 'tcp', 'grpc'])),
  paths: opt(recordOf(arrayOf(httpAnswer))),
  grpc: opt(arrayOf(grpcAnswer)),
  afterSeconds: opt(seconds),
});

export const checkCustomImage: Checker<CustomImageBehaviour> = objectOf({
  image: req(str),
  sizeBytes: opt(num({ min: 0, integer: true })),
  exitAfterSeconds: opt(seconds),
  exitCode: opt(num({ min: 0, max: 255, integer: true })),
  memoryMiB: opt(num({ min: 0 })),
  onTerm: opt(onTerm),
  listen: opt(arrayOf(listener)),
  logs: opt(arrayOf(str)),
});

export const checkCustomImages: Checker<CustomImageBehaviour[]> = arrayOf(checkCustomImage);
