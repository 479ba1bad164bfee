/**
 * nginx as the official image runs it (`nginx -g 'daemon off;'`): serves /usr/share/nginx/html on
 * port 80, 404 for a missing file, an access log line per request on stdout. TERM/INT: fast
 * shutdown, QUIT: graceful shutdown (the image's STOPSIGNAL), both exit 0; HUP reloads (a new
 * worker process, see nginx-workers.ts); `nginx -s quit` signals the running master (nginx-signal.ts). A port
 * already taken: nginx retries bind() five times, half a second apart, then exits 1.
 */
import type { HttpRequest, HttpResponse, Listener, Process, Program, ProcessContext } from '../../types';
import { SIM_EPOCH_MS } from '../../../k8s';
import { MONTHS, later, onceExit, pad, processWith, slashStamp, splitPath, wallDate } from '../program-kit';
import { NGINX_PID_FILE, nginxSignal } from './nginx-signal';
import { nginxWorkers } from './nginx-workers';

export const NGINX_VERSION = '1.27.3';
const ROOT = '/usr/share/nginx/html';

export const NGINX_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n' +
  `<hr><center>nginx/${NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n`;

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The last stamp made and its virtual second: probes and clients ask many times within one second. */
let lastStamp = { second: NaN, text: '' };

function accessStamp(ctx: ProcessContext): string {
  const second = Math.floor((SIM_EPOCH_MS + ctx.timers.now()) / 1000);
  if (second === lastStamp.second) return lastStamp.text;
  const d = wallDate(ctx);
  const text = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
  lastStamp = { second, text };
  return text;
}

/** Serve a static file tree the way nginx's default server does. */
export function serveStatic(ctx: ProcessContext, root: string, request: HttpRequest): HttpResponse {
  const { pathname } = splitPath(request.path);
  let file = `${root}${pathname}`;
  if (ctx.fs.isDirectory(file)) file = `${file.replace(/\/$/, '')}/index.html`;
  const body = ctx.fs.read(file);
  if (body === undefined) return { status: 404, body: NGINX_404, headers: { 'Content-Type': 'text/html' } };
  return { status: 200, body, headers: { 'Content-Type': 'text/html' } };
}

export const nginxProgram: Program = {
  start(argv: string[], ctx: ProcessContext): Process {
    const exit = onceExit(ctx);
    const notice = (level: string, text: string) => ctx.log('stderr', `${slashStamp(ctx)} [${level}] 1#1: ${text}`);
    const s = argv.indexOf('-s');
    if (s >= 0) return nginxSignal(argv[s + 1] ?? '', ctx);
    if (argv.includes('-v') || argv.includes('-V')) {
      ctx.log('stderr', `nginx version: nginx/${NGINX_VERSION}`);
      later(ctx, () => exit({ exitCode: 0 }));
      return processWith({});
    }
    const listener: Listener = {
      description: 'nginx',
      http: (request) => {
        const response = serveStatic(ctx, ROOT, request);
        const agent = request.headers['User-Agent'] ?? request.headers['user-agent'] ?? '-';
        ctx.log(
          'stdout',
          `10.244.0.1 - - [${accessStamp(ctx)}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${response.body?.length ?? 0} "-" "${agent}" "-"`,
        );
        return { ...response, delayMs: 0 };
      },
    };
    let stopped = false;
    const workers = nginxWorkers(ctx, (text) => notice('notice', text));
    const tryBind = (attempt: number) => {
      if (stopped) return;
      if (ctx.net.bind(80, listener, ctx.containerName) === 'ok') {
        notice('notice', 'using the "epoll" event method');
        notice('notice', `nginx/${NGINX_VERSION}`);
        // Once up (and with its PID) the master writes its pid file and forks its worker.
        later(ctx, () => {
          if (stopped) return;
          const pid = ctx.pid?.();
          if (pid !== undefined) {
            // The image has /run; PodPlay's image files list only files.
            ctx.fs.mkdir('/run', true);
            ctx.fs.write(NGINX_PID_FILE, `${pid}\n`);
          }
          workers.start();
        });
        return;
      }
      notice('emerg', 'bind() to 0.0.0.0:80 failed (98: Address already in use)');
      if (attempt === 0) ctx.log('stderr', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)');
      if (attempt >= 4) {
        notice('emerg', 'still could not bind()');
        ctx.log('stderr', 'nginx: [emerg] still could not bind()');
        later(ctx, () => exit({ exitCode: 1 }));
        return;
      }
      later(ctx, () => tryBind(attempt + 1), 500);
    };
    tryBind(0);
    const shutdown = (signal: string, graceful: boolean) => {
      if (stopped) return;
      stopped = true;
      notice('notice', `${signal} received, ${graceful ? 'shutting down' : 'exiting'}`);
      workers.stop();
      ctx.net.unbind(80, ctx.containerName);
      later(ctx, () => {
        ctx.fs.remove(NGINX_PID_FILE);
        notice('notice', 'exit');
        exit({ exitCode: 0 });
      });
    };
    return processWith(
      {
        TERM: () => shutdown('signal 15 (SIGTERM)', false),
        INT: () => shutdown('signal 2 (SIGINT)', false),
        QUIT: () => shutdown('signal 3 (SIGQUIT)', true),
        HUP: () => {
          notice('notice', 'signal 1 (SIGHUP) received, reconfiguring');
          if (!stopped) workers.reload();
        },
      },
      `nginx: master process ${argv.join(' ')}`,
    );
  },
};
