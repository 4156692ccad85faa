import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

export async function postsRoutes(_app: FastifyInstance, _deps: AppDeps) {}
