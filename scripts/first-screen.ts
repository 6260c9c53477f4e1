/**
 * Build step for the first paint. index.html carries the sign-in form as markup
 * (a first visit's screen, drawn before any JavaScript arrives) and the entry's
 * stylesheet inline, so that paint waits for the HTML alone. The service worker
 * serves shell.html instead: the same page with an empty #app, because a tablet
 * that has the worker is usually signed in and its first screen (the unlock
 * screen) is chosen by main.tsx from storage.
 */
import type { Plugin, Rollup } from 'vite';
import { SHELL_HTML } from '../src/shared/appDocuments';

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

/** `html` with the #app element emptied. */
export function withEmptyApp(html: string): string {
  appParts(html);
  return html.replace(APP_CONTENT, '$1$3');
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

/** Vite plugin: inlines index.html's stylesheet and emits shell.html beside it. */
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
      this.emitFile({ type: 'asset', fileName: SHELL_HTML, source: withEmptyApp(html) });
    },
  };
}
