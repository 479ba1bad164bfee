import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precacheManifest } from './src/app/lesson/precache-plugin.ts';

// base './' so the built site works from any sub-path (GitHub Pages, a course platform's folder).
export default defineConfig({
  base: './',
  // precacheManifest: the list of built files the offline service worker (public/sw.js) caches.
  plugins: [react(), tailwindcss(), precacheManifest()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
