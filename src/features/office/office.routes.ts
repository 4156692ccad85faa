import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

export async function officeRoutes(_app: FastifyInstance, _deps: AppDeps) {}
