/**
 * The life of a submitted form: validate against its schema; on success act and redirect
 * (303); on a field error show the same form again with 422, every typed value kept and a
 * message at each field; on a rate limit show it again with 429.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TObject, Static } from '@sinclair/typebox';
import type { VNode } from 'preact';
import { AppError } from './errors.js';
import { readForm, type FieldErrors, type FormValues } from './forms.js';
import { RateLimitedError } from './rate-limit.js';
import { sendPage, viewContext } from './render.js';
import type { ViewContext } from '../views/context.js';
import type { FormState } from '../views/components/forms.js';

/** A page around a form; pages that show the form among other content (a post and its replies) may load that first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page component
export type FormPage = (ctx: ViewContext, form: FormState) => VNode<any> | Promise<VNode<any>>;

export async function showForm(request: FastifyRequest, reply: FastifyReply, page: FormPage, form: FormState, status = 200): Promise<FastifyReply> {
  return sendPage(reply, await page(viewContext(request, reply), form), status);
}

function errorsOf(error: AppError): FieldErrors {
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return { _form: { key: error.messageKey, params: error.params } };
  return Object.fromEntries(entries.map(([name, key]) => [name, { key, params: error.params }]));
}

export async function submitForm<S extends TObject>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  page: FormPage,
  act: (value: Static<S>, values: FormValues) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  const result = readForm(schema, request.body);
  if (!result.ok) return showForm(request, reply, page, result, 422);
  try {
    return await act(result.value, result.values);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error instanceof RateLimitedError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return showForm(request, reply, page, { values: result.values, errors: errorsOf(error) }, 429);
    }
    if (error.status === 422 || error.status === 409) return showForm(request, reply, page, { values: result.values, errors: errorsOf(error) }, 422);
    throw error;
  }
}
