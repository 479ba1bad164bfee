/**
 * httpd (Apache 2.4, official image, `httpd-foreground`): serves /usr/local/apache2/htdocs on 80.
 * TERM: "caught SIGTERM, shutting down", exit 0. The image's STOPSIGNAL is SIGWINCH (graceful
 * stop), which the Signal type cannot express yet.
 */
import type { Program, ProcessContext } from '../../types';
import { MONTHS, WEEKDAYS, later, onceExit, pad, processWith, splitPath, wallDate } from '../program-kit';

const ROOT = '/usr/local/apache2/htdocs';
const NOT_FOUND =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n' +
  '<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

function apacheStamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}`;
}

export const httpdProgram: Program = {
  start(_argv, ctx) {
    const exit = onceExit(ctx);
    const log = (module: string, text: string) => ctx.log('stderr', `[${apacheStamp(ctx)}] [${module}] [pid 1:tid 1] ${text}`);
    ctx.log(
      'stderr',
      `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.net.ip}. Set the 'ServerName' directive globally to suppress this message`,
    );
    const bound = ctx.net.bind(
      80,
      {
        description: 'httpd',
        http: (request) => {
          const { pathname } = splitPath(request.path);
          const file = ctx.fs.isDirectory(`${ROOT}${pathname}`) ? `${ROOT}${pathname.replace(/\/$/, '')}/index.html` : `${ROOT}${pathname}`;
          const body = ctx.fs.read(file);
          return body === undefined ? { status: 404, body: NOT_FOUND } : { status: 200, body };
        },
      },
      ctx.containerName,
    );
    if (bound !== 'ok') {
      ctx.log('stderr', '(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:80');
      ctx.log('stderr', 'no listening sockets available, shutting down');
      ctx.log('stderr', 'AH00015: Unable to open logs');
      later(ctx, () => exit({ exitCode: 1 }));
      return processWith({});
    }
    log('mpm_event:notice', 'AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations');
    log('core:notice', "AH00094: Command line: 'httpd -D FOREGROUND'");
    const stop = (name: string) => () => {
      log('mpm_event:notice', `AH00491: caught ${name}, shutting down`);
      ctx.net.unbind(80, ctx.containerName);
      later(ctx, () => exit({ exitCode: 0 }));
    };
    return processWith({ TERM: stop('SIGTERM'), INT: stop('SIGINT') });
  },
};

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';
