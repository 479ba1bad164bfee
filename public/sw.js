/*
 * PodPlay's service worker: once the site has been visited, it runs offline. The build writes
 * sw-precache.js (the app shell and every hashed asset, and a version). Install caches them all;
 * requests are answered from the cache first, then the network (same-origin GETs that succeed are
 * kept too); activation deletes the caches of older versions.
 */
/* global self, caches, importScripts, fetch, URL */
importScripts('./sw-precache.js');

const { version, urls } = self.PODPLAY_PRECACHE;
const PREFIX = 'podplay-';
const CACHE = `${PREFIX}${version}`;
const SHELL = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const navigate = request.mode === 'navigate';
  // ignoreVary: module scripts are requested with an Origin header the precache requests lacked.
  const hit =
    (await cache.match(request, { ignoreSearch: navigate, ignoreVary: true })) ??
    (navigate ? await cache.match(SHELL, { ignoreVary: true }) : undefined);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
