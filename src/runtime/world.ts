/**
 * The world outside the pod, as far as PodPlay models it: a few well-known public web hosts that
 * the Kubernetes docs' examples reach (the init-container example fetches http://info.cern.ch).
 * Anything else on the internet does not answer.
 */
import type { HttpRequest, HttpResponse, Listener } from './types';

interface PublicHost {
  name: string;
  ip: string;
  pages: Record<string, string>;
}

const FIRST_WEB_PAGE = `<html><head></head><body><header>
<title>http://info.cern.ch</title>
</header>

<h1>http://info.cern.ch - home of the first website</h1>
<p>From here you can:</p>
<ul>
<li><a href="http://info.cern.ch/hypertext/WWW/TheProject.html">Browse the first website</a></li>
</ul>
</body></html>
`;

const HOSTS: PublicHost[] = [
  { name: 'info.cern.ch', ip: '188.184.100.182', pages: { '/': FIRST_WEB_PAGE } },
  {
    name: 'example.com',
    ip: '93.184.215.14',
    pages: { '/': '<!doctype html><html><head><title>Example Domain</title></head><body><h1>Example Domain</h1></body></html>\n' },
  },
];

/** Public names and their addresses, for the pod's resolver. */
export const PUBLIC_DNS: Record<string, string> = Object.fromEntries(HOSTS.map((h) => [h.name, h.ip]));

function serve(host: PublicHost): Listener {
  return {
    description: `${host.name} (the internet)`,
    http: (request: HttpRequest): HttpResponse => {
      const page = host.pages[request.path];
      return page === undefined ? { status: 404, body: 'Not Found\n', delayMs: 40 } : { status: 200, body: page, delayMs: 40 };
    },
  };
}

/** What answers at ip:port on the internet: port 80 of the known hosts. */
export function internet(ip: string, port: number): Listener | undefined {
  const host = HOSTS.find((h) => h.ip === ip);
  return host && port === 80 ? serve(host) : undefined;
}
