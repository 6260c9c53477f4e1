/**
 * Serves the built PWA from dist/. The service worker and index.html must be
 * revalidated on every load, or a tablet could stay on an old version; Vite's
 * hashed assets never change under one name, so they are cached for a year.
 * Any other GET outside /api gets index.html (the app routes on the client).
 * Every text file goes out as the brotli or gzip copy the build made beside it
 * (scripts/precompress.ts), by the request's Accept-Encoding. Source maps are
 * built for the bench but never served: they would publish the app's source.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SHELL_HTML, UNLOCK_HTML } from '../../shared/appDocuments';

const LONG_CACHE = 'public, max-age=31536000, immutable';

/** Cache-Control for a file under dist/, by its path relative to dist/. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? LONG_CACHE : 'no-cache';
}

/** Whether a URL path may be served from dist/: everything but source maps. */
export function isPublicAsset(urlPath: string): boolean {
  return !urlPath.endsWith('.map');
}

/** Whether dist/ holds a build. */
export function hasBuild(distDir: string): boolean {
  return fs.existsSync(path.join(distDir, 'index.html'));
}

/**
 * The page for an in-app path ("/batches/…", the students' "/re-enroll"):
 * shell.html, whose #app is empty, so no path but "/" shows the sign-in markup
 * of index.html before main.tsx picks the screen; index.html for a build made
 * before there was a shell.
 */
export function appDocument(distDir: string): string {
  return fs.existsSync(path.join(distDir, SHELL_HTML)) ? SHELL_HTML : 'index.html';
}

const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;

/** The CSP sources ('sha256-…') of the inline stylesheets in the build's pages, for style-src. */
export function inlineStyleHashes(distDir: string): string[] {
  const hashes = new Set<string>();
  for (const page of ['index.html', SHELL_HTML, UNLOCK_HTML]) {
    const file = path.join(distDir, page);
    if (!fs.existsSync(file)) continue;
    for (const [, css] of fs.readFileSync(file, 'utf8').matchAll(INLINE_STYLE)) {
      hashes.add(`'sha256-${createHash('sha256').update(css ?? '', 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes];
}

/** Registers static serving of `distDir`. */
export async function registerStaticFiles(app: FastifyInstance, distDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: distDir,
    cacheControl: false,
    // Dotfiles never leave the server.
    dotfiles: 'deny',
    preCompressed: true,
    allowedPath: (urlPath) => isPublicAsset(urlPath),
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(path.relative(distDir, filePath).split(path.sep).join('/')));
    },
  });
}
