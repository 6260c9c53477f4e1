// Entry of `npm run bench`: the benchmark is TypeScript importing the app's own
// modules, so tsx's loader is registered first, then bench/main.ts runs.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
