/**
 * zod as the app sees it: the build resolves every `import ... from 'zod'` here
 * (vite.config.ts), so the setting below runs before any schema is built, in
 * whichever chunk the schemas land. jitless: zod never probes for `new Function`,
 * which our CSP (`script-src 'self'`) reports as a violation on every load even
 * though zod catches it; schemas then parse without generated code.
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
