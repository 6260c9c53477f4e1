/** The `:id` of a URL, as every admin route reads it. */
import { z } from 'zod';
import { withoutNul } from '../http/validation';

/** `{ id }`: ids are UUIDs, so anything long is not ours. */
export const idParamsSchema = withoutNul(z.object({ id: z.string().min(1).max(100) }));
