/** Office: import organisations from CSV (upload → preview → confirm) and merge duplicates. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { h } from 'preact';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { showForm, submitForm } from '../../http/form-page.js';
import { verifyCsrf } from '../../http/plugin.js';
import { redirectAfterPost, sendPage, viewContext } from '../../http/render.js';
import { emptyForm, type FormState } from '../../views/components/forms.js';
import { listOrganisationChoices, getOrganisation } from './organisations.repo.js';
import { applyImport, loadImport, MAX_IMPORT_BYTES, parseOrganisationCsv, previewImport, storeImport } from './import.service.js';
import { mergeOrganisations } from './merge.service.js';
import { ImportPage, ImportPreviewPage, MergePage } from './directory-admin.views.js';

const office = { config: { access: 'office' as const } };
const IdParams = Type.Object({ id: Type.String({ maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) });
const MergeForm = Type.Object({ targetId: Type.String({ minLength: 1, maxLength: 40, errorMessage: 'merge.error.target' }) });

export async function directoryAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  // Only this plugin's routes accept uploads; the CSRF check runs once the fields are read.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: MAX_IMPORT_BYTES } });

  const importPage = (ctx: Parameters<typeof ImportPage>[0]['ctx'], form: FormState) => h(ImportPage, { ctx, form });

  app.get('/geschaeftsstelle/organisationen/import', office, async (request, reply) => showForm(request, reply, importPage, emptyForm));

  app.post('/geschaeftsstelle/organisationen/import', { config: { access: 'office', csrf: false } }, async (request, reply) => {
    await verifyCsrf(app, request, reply);
    const body = (request.body ?? {}) as { file?: Buffer | string; text?: string };
    const fromFile = Buffer.isBuffer(body.file) && body.file.length > 0 ? body.file.toString('utf8') : '';
    const text = fromFile || (typeof body.text === 'string' ? body.text : '');
    const values = { text: fromFile ? '' : text };
    if (!text.trim()) return showForm(request, reply, importPage, { values, errors: { file: { key: 'import.error.missing' } } }, 422);
    try {
      const rows = parseOrganisationCsv(text);
      const id = await storeImport(db, request.actor, null, rows);
      return redirectAfterPost(reply, `/geschaeftsstelle/organisationen/import/${id}`);
    } catch (error) {
      if (error instanceof AppError && error.fields.file) return showForm(request, reply, importPage, { values, errors: { file: { key: error.fields.file, params: error.params } } }, 422);
      throw error;
    }
  });

  app.get('/geschaeftsstelle/organisationen/import/:id', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const stored = await loadImport(db, request.actor, (request.params as { id: string }).id);
    const lines = await previewImport(db, stored.rows);
    return sendPage(reply, h(ImportPreviewPage, { ctx: viewContext(request, reply), id: stored.id, lines, applied: Boolean(stored.appliedAt) }));
  });

  app.post('/geschaeftsstelle/organisationen/import/:id', { ...office, schema: { params: IdParams } }, async (request, reply) => {
    const counts = await applyImport(db, request.actor, (request.params as { id: string }).id);
    return redirectAfterPost(reply, '/geschaeftsstelle/organisationen', { kind: 'success', key: 'import.done', params: counts });
  });

  // --- Merge ---------------------------------------------------------------------------------
  async function mergeContext(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    const source = await getOrganisation(db, id);
    if (!source) throw new AppError('not_found');
    const options = (await listOrganisationChoices(db)).filter((o) => o.id !== id).map((o) => ({ value: o.id, label: o.name }));
    return (ctx: Parameters<typeof MergePage>[0]['ctx'], form: FormState) => h(MergePage, { ctx, form, source: { id: source.id, name: source.name }, options });
  }

  app.get('/geschaeftsstelle/organisationen/:id/zusammenfuehren', { ...office, schema: { params: IdParams } }, async (request, reply) => showForm(request, reply, await mergeContext(request), emptyForm));

  app.post('/geschaeftsstelle/organisationen/:id/zusammenfuehren', { ...office, schema: { params: IdParams } }, async (request, reply) =>
    submitForm(request, reply, MergeForm, await mergeContext(request), async (form) => {
      const moved = await mergeOrganisations(db, request.actor, (request.params as { id: string }).id, form.targetId);
      return redirectAfterPost(reply, `/geschaeftsstelle/organisationen/${form.targetId}`, { kind: 'success', key: 'merge.done', params: moved });
    }),
  );
}
