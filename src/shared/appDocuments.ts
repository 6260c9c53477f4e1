/**
 * The page the service worker and the server's in-app routes answer with: the
 * app with an empty #app, its first screen chosen from storage by main.tsx.
 * index.html, which only "/" serves from the network, carries a first visit's
 * sign-in form as markup (scripts/first-screen.ts).
 */
export const SHELL_HTML = 'shell.html';
