/**
 * The pages the app is served as. index.html, which only "/" serves from the
 * network, carries a first visit's sign-in form as markup; shell.html, which
 * the server's other in-app routes answer with, has an empty #app, its first
 * screen chosen from storage by main.tsx; unlock.html, which the service
 * worker answers every navigation with, carries the unlock screen, since a
 * tablet that has the worker is usually signed in and locked (main.tsx draws
 * whatever else storage calls for over it). scripts/first-screen.ts makes the
 * last two from the first.
 */
export const SHELL_HTML = 'shell.html';
export const UNLOCK_HTML = 'unlock.html';
