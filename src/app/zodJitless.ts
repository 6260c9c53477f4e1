/**
 * zod as the app sees it: the build resolves every `import ... from 'zod/mini'`
 * here (vite.config.ts), so the setting below runs before any schema is built, in
 * whichever chunk the schemas land. zod/mini, not full zod: its functions are
 * tree-shaken, so the schemas the first sheet needs cost a few KB, not all of zod.
 * jitless: zod never probes for `new Function`, which our CSP
 * (`script-src 'self'`) reports as a violation on every load even though zod
 * catches it; schemas then parse without generated code.
 */
import { config } from 'zod/v4/mini';

config({ jitless: true });

export * from 'zod/v4/mini';
