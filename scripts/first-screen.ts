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
 * `html` with each linked stylesheet of `bundle` put inline; the files inlined
 * are returned so that the build can drop those no chunk loads by itself.
 */
export function inlineStylesheets(html: string, bundle: Rollup.OutputBundle): { html: string; inlined: string[] } {
  const inlined: string[] = [];
  const out = html.replace(STYLESHEET_LINK, (link, fileName: string) => {
    const asset = bundle[fileName];
    if (asset?.type !== 'asset') return link;
    inlined.push(fileName);
    return `<style>${String(asset.source).trim()}</style>`;
  });
  return { html: out, inlined };
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
      const { html, inlined } = inlineStylesheets(String(index.source), bundle);
      index.source = html;
      const code = Object.values(bundle).map((item) => (item.type === 'chunk' ? item.code : '')).join('\n');
      // A stylesheet a lazy chunk also asks for stays a file; the entry's own is only ever linked from the HTML.
      for (const fileName of inlined) if (!code.includes(fileName)) delete bundle[fileName];
      this.emitFile({ type: 'asset', fileName: SHELL_HTML, source: withEmptyApp(html) });
    },
  };
}
