/** The `:id` of a URL, as every admin route reads it. */
import { z } from 'zod';
import { storable } from '../http/validation';

/** `{ id }`: ids are UUIDs, so anything long is not ours. */
export const idParamsSchema = storable(z.object({ id: z.string().min(1).max(100) }));
