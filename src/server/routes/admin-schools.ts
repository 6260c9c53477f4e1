/** The center administrator's schools: /api/admin/schools. */
import type { FastifyInstance } from 'fastify';
import type { AdminSchool } from '../../shared/admin-protocol';
import { adminOf } from '../admin/caller';
import { addSchool, listSchools, renameCenterSchool, retireSchool } from '../admin/schools';
import { parseOrThrow } from '../http/validation';
import type { ServerDeps } from '../deps';
import { idParamsSchema } from './id-params';

/** Registers the school routes. */
export async function adminSchoolRoutes(app: FastifyInstance, { handle }: ServerDeps): Promise<void> {
  app.get('/api/admin/schools', async (request): Promise<{ schools: AdminSchool[] }> => ({
    schools: await listSchools(handle, adminOf(request).centerId),
  }));

  app.post('/api/admin/schools', async (request, reply) => {
    const school: AdminSchool = await addSchool(handle, adminOf(request), request.body);
    return reply.code(201).send(school);
  });

  app.post('/api/admin/schools/:id/rename', async (request): Promise<AdminSchool> => {
    const { id } = parseOrThrow(idParamsSchema, request.params);
    return renameCenterSchool(handle, adminOf(request), id, request.body);
  });

  app.post('/api/admin/schools/:id/retire', async (request): Promise<AdminSchool> => {
    const { id } = parseOrThrow(idParamsSchema, request.params);
    return retireSchool(handle, adminOf(request), id);
  });
}
