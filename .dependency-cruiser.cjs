/**
 * The layering ARCHITECTURE.md describes, checked in `npm test` (npm run lint:deps).
 * Any cycle or arrow against the layers fails the check. The list of tolerated
 * violations (.dependency-cruiser-known-violations.json) is empty since issue 12
 * and stays so.
 */
const app = (folder) => `^src/app/${folder}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'Imports never go round in a circle.', from: {}, to: { circular: true } },
    {
      name: 'shared-is-pure', severity: 'error', comment: 'src/shared is used by the app and the server alike: it imports neither.',
      from: { path: '^src/shared/' }, to: { path: '^src/(app|server)/' },
    },
    {
      name: 'shared-has-no-node', severity: 'error', comment: 'src/shared runs in the browser too: no Node built-ins.',
      from: { path: '^src/shared/' }, to: { dependencyTypes: ['core'] },
    },
    { name: 'app-not-server', severity: 'error', from: { path: '^src/app/' }, to: { path: '^src/server/' } },
    { name: 'server-not-app', severity: 'error', from: { path: '^src/server/' }, to: { path: '^src/app/' } },
    {
      name: 'crypto-below-db', severity: 'error', comment: 'crypto/ seals rows; it knows nothing above it.',
      from: { path: app('crypto') }, to: { path: `${app('(db|sync|backup|services|hooks|components|features|shell|model)')}|^src/app/[^/]+\\.tsx?$` },
    },
    {
      name: 'db-is-storage', severity: 'error', comment: 'db/ keeps rows; it never calls the network or a screen.',
      from: { path: app('db') }, to: { path: `${app('(sync|backup|services|hooks|components|features|shell)')}|^src/app/[^/]+\\.tsx?$` },
    },
    {
      name: 'sync-below-screens', severity: 'error', comment: 'sync/ is network and orchestration: screens and hooks call it, not the other way.',
      from: { path: app('(sync|backup|services)') }, to: { path: `${app('(hooks|components|features|shell)')}|^src/app/[^/]+\\.tsx?$` },
    },
    {
      name: 'hooks-below-screens', severity: 'error',
      from: { path: app('hooks') }, to: { path: app('(components|features|shell)') },
    },
    {
      name: 'model-below-screens', severity: 'error', comment: 'model/ holds pure view helpers that screens call; it knows no screen or hook.',
      from: { path: app('model') }, to: { path: app('(hooks|components|features|shell)') },
    },
    {
      name: 'shared-ui-below-features', severity: 'error', comment: 'components/ holds UI pieces that several features share; a feature uses them, never the other way.',
      from: { path: app('components') }, to: { path: app('(features|shell)') },
    },
    {
      name: 'features-apart', severity: 'error',
      comment: 'A feature folder imports the shared layers, never another feature: what two features need moves down (components/, hooks/, model/) or up into the shell that puts them together.',
      from: { path: '^src/app/features/([^/]+)/' }, to: { path: '^src/app/features/', pathNot: '^src/app/features/$1/' },
    },
    {
      name: 'shell-on-top', severity: 'error', comment: 'main.tsx, startApp.tsx, UnlockedApp.tsx, App.tsx and the route table (routes.tsx) put screens together; nothing below imports them.',
      from: { path: '^src/app/.+/' }, to: { path: '^src/app/(main|startApp|UnlockedApp|App|routes)\\.tsx$' },
    },
    {
      name: 'shell-above-features', severity: 'error', comment: 'shell/ is the frame and the gates around the screens; features and the layers below never import it.',
      from: { path: '^src/app/.+/', pathNot: app('shell') }, to: { path: app('shell') },
    },
    {
      name: 'only-db-uses-dexie', severity: 'error', comment: 'db/ is the storage layer: every table, transaction and live query goes through it.',
      from: { path: '^src/', pathNot: app('db') }, to: { path: '^node_modules/dexie/' },
    },
    {
      name: 'queries-are-sql-only', severity: 'error', comment: 'Query modules take an executor; they call no service, route or HTTP code.',
      from: { path: '^src/server/queries/' }, to: { path: '^src/server/(routes|sync|admin|students|enrollments|http)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
