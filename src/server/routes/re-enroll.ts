/**
 * POST /api/re-enroll: public. Rate limited per IP, then per SSID (the key is
 * an HMAC of the SSID under the server secret: the table never holds an SSID,
 * and a leaked table cannot be reversed by trying all 10^10 numbers). After the
 * body is read, every answer (success, the one failure, 429) is held to a fixed
 * floor, so its timing does not tell a stranger whether an SSID exists.
 */
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { reEnrollRequestSchema } from '../../shared/protocol';
import { reEnroll } from '../enrollments/re-enroll';
import { parseOrThrow, storable } from '../http/validation';
import { enforceLimit } from '../http/rate-limit';
import type { ServerDeps } from '../deps';

const bodySchema = storable(reEnrollRequestSchema);

/** Registers the re-enrollment route. */
export async function reEnrollRoutes(app: FastifyInstance, { handle, serverSecret, reEnroll: limits }: ServerDeps): Promise<void> {
  const { db } = handle;

  app.post('/api/re-enroll', { config: { public: true }, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const now = new Date();
    await enforceLimit(db, `re-enroll:ip:${request.ip}`, { windowMs: limits.windowMs, max: limits.maxPerIp }, now);
    const answers = parseOrThrow(bodySchema, request.body);
    const floor = sleep(limits.floorMs);
    try {
      const ssidKey = `re-enroll:ssid:${createHmac('sha256', serverSecret).update(`re-enroll:${answers.ssid}`).digest('hex')}`;
      // Counted for every SSID, known or not, before any answer about it.
      await enforceLimit(db, ssidKey, { windowMs: limits.windowMs, max: limits.maxPerSsid }, now);
      const answer = await reEnroll(handle, answers, now);
      // No id, name or SSID in the log: only that a re-enrollment went through.
      request.log.info({ programYear: answer.programYear }, 're-enrollment accepted');
      return await reply.code(202).send(answer);
    } finally {
      await floor;
    }
  });
}
