/**
 * Build step for the first paint. index.html carries the sign-in form as markup
 * (a first visit's screen, drawn before any JavaScript arrives) and the entry's
 * stylesheet inline, so that paint waits for the HTML alone. From it come two
 * more pages (src/shared/appDocuments.ts): shell.html, with an empty #app, for
 * the server's other in-app routes, and unlock.html, which the service worker
 * answers every navigation with: a tablet that has the worker is usually
 * signed in and locked, so its #app holds the unlock screen
 * (src/app/shell/unlockScreen.html, the markup FirstUnlock renders: a test
 * keeps the two equal), drawn before the first chunk has run; main.tsx draws
 * over it, keeping what was typed, or replaces it when storage says otherwise.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { SHELL_HTML, UNLOCK_HTML } from '../src/shared/appDocuments';

/** The #app element with whatever it holds, up to the <noscript> that follows it in index.html. */
const APP_CONTENT = /(<div id="app">)([\s\S]*)(<\/div>\s*<noscript>)/;

function appParts(html: string): RegExpExecArray {
  const parts = APP_CONTENT.exec(html);
  if (!parts) throw new Error('index.html has no <div id="app"> followed by <noscript>');
  return parts;
}

/** What `html`'s #app element holds: index.html's first screen. */
export function appContent(html: string): string {
  return appParts(html)[2]!;
}

/** `html` with the #app element holding `content` instead. */
export function withAppContent(html: string, content: string): string {
  const [, open, , close] = appParts(html);
  return html.replace(APP_CONTENT, () => `${open}${content}${close}`);
}

/** The unlock screen's markup, which unlock.html's #app holds; read from the project root, where the build and the tests run. */
export function unlockScreenMarkup(): string {
  return readFileSync(path.resolve('src/app/shell/unlockScreen.html'), 'utf8').trim();
}

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/**
 * `html` with each linked stylesheet of `bundle` put inline. The files stay in
 * the build: lazy chunks name the entry's stylesheet among what they preload
 * (filled in by Vite after this hook runs, so it cannot be seen here), and a
 * preload that meets a missing file fails the chunk's import, so the screen
 * behind it (the first set-up on an empty server) would never open.
 */
export function inlineStylesheets(html: string, bundle: Rollup.OutputBundle): string {
  return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
    const asset = bundle[fileName];
    if (asset?.type !== 'asset') return link;
    return `<style>${String(asset.source).trim()}</style>`;
  });
}

/** Vite plugin: inlines index.html's stylesheet and emits shell.html and unlock.html beside it. */
export function firstScreenHtml(): Plugin {
  return {
    name: 'mesa:first-screen',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'] as Rollup.OutputAsset | undefined;
      if (!index) throw new Error('The build has no index.html');
      const html = inlineStylesheets(String(index.source), bundle);
      index.source = html;
      this.emitFile({ type: 'asset', fileName: SHELL_HTML, source: withAppContent(html, '') });
      this.emitFile({ type: 'asset', fileName: UNLOCK_HTML, source: withAppContent(html, unlockScreenMarkup()) });
    },
  };
}
