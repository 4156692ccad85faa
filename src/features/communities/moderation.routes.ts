import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

export async function moderationRoutes(_app: FastifyInstance, _deps: AppDeps) {}
