/**
 * Build of the PWA. The service worker precaches the app shell only: the app's
 * own IndexedDB store is the offline copy of data, so no API answer is ever cached.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { firstScreenHtml } from './scripts/first-screen.js';
import { precompressBuild } from './scripts/precompress.js';
import { UNLOCK_HTML } from './src/shared/appDocuments.js';

const THEME = '#0f5e6e';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      // Prompt mode: a new version waits until the advisor says "Update now", so a
      // half-typed form is never reloaded from under them.
      registerType: 'prompt',
      // Registered from the bundle (virtual:pwa-register), never by an inline
      // script, so a strict `script-src 'self'` CSP holds.
      injectRegister: false,
      includeAssets: ['favicon-32.png', 'apple-touch-icon.png'],
      manifest: {
        name: 'MESA Intake',
        short_name: 'MESA Intake',
        description: 'Transcribe paper MESA enrollment applications, offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f7f5',
        theme_color: THEME,
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell: everything the build emits, so the app opens with no network.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
        // Any in-app path (the router uses the history API) opens the shell with
        // the unlock screen drawn, "/" included: never index.html, whose sign-in
        // markup is for a first visit (scripts/first-screen.ts)...
        navigateFallback: UNLOCK_HTML,
        directoryIndex: UNLOCK_HTML,
        // ...but never an API path: those must reach the server or fail.
        navigateFallbackDenylist: [/^\/api/],
        // No runtimeCaching on purpose: API answers are never cached by the worker.
        cleanupOutdatedCaches: true,
        // No map for the worker: maps are never served, so a link to one would only 404.
        sourcemap: false,
      },
    }),
    firstScreenHtml(),
    precompressBuild(),
  ],
  resolve: {
    // The app's zod is configured before any schema exists (see src/app/zodJitless.ts).
    alias: [{ find: /^zod\/mini$/, replacement: fileURLToPath(new URL('./src/app/zodJitless.ts', import.meta.url)) }],
  },
  server: {
    proxy: { '/api': 'http://localhost:8787' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:8787' },
  },
  build: {
    outDir: 'dist',
    // Maps are kept for the bench's size attribution but never linked from the
    // bundle; the server refuses to send them.
    sourcemap: 'hidden',
  },
});
