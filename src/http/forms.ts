/**
 * Forms share their TypeBox schema with the JSON API. `readForm` validates a submitted body
 * and answers either the typed value or, per field, a message key, together with everything
 * the user typed, so that the form can be shown again with nothing lost.
 */
import { FormatRegistry, type TObject, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/value';
import type { MessageKey, Params } from '../views/i18n/index.js';
import { normaliseEmail } from '../lib/email.js';

FormatRegistry.Set('email', (value) => normaliseEmail(value) !== null);

export interface FieldError {
  key: MessageKey;
  params?: Params;
}
export type FieldErrors = Record<string, FieldError>;
export type FormValues = Record<string, string | string[]>;

export type FormResult<T> = { ok: true; value: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Extra schema options read by forms: a message for invalid values; `secret` fields are not trimmed nor echoed back. */
export interface FieldOptions {
  errorMessage?: MessageKey;
  secret?: boolean;
}

const compiled = new WeakMap<TObject, TypeCheck<TObject>>();
function checker(schema: TObject): TypeCheck<TObject> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

function isArraySchema(schema: TSchema): boolean {
  return schema.type === 'array';
}

/** Validates a urlencoded body against a schema; strings are trimmed, checkboxes may repeat. */
export function readForm<S extends TObject>(schema: S, body: unknown): FormResult<Static<S>> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  const candidate: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [name, fieldSchema] of Object.entries(schema.properties) as [string, TSchema & FieldOptions][]) {
    const raw = Object.hasOwn(source, name) ? source[name] : undefined;
    if (isArraySchema(fieldSchema)) {
      const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      const strings = list.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
      values[name] = strings;
      candidate[name] = strings;
      continue;
    }
    if (Array.isArray(raw)) {
      errors[name] = { key: fieldSchema.errorMessage ?? 'form.invalid' };
    }
    const first = Array.isArray(raw) ? raw[0] : raw;
    const text = typeof first === 'string' ? (fieldSchema.secret ? first : first.trim()) : undefined;
    if (!fieldSchema.secret) values[name] = text ?? '';
    if (text === undefined || text === '') {
      // An empty optional field is absent; booleans from checkboxes are false when absent.
      if (fieldSchema.type === 'boolean') candidate[name] = false;
      else if (schema.required?.includes(name)) errors[name] ??= { key: 'form.required' };
      continue;
    }
    // PostgreSQL cannot store NUL; such input is malformed, never a crash.
    if (text.includes('\u0000')) {
      errors[name] ??= { key: fieldSchema.errorMessage ?? 'form.invalid' };
      continue;
    }
    if (fieldSchema.type === 'boolean') candidate[name] = text === 'on' || text === 'true' || text === '1';
    else if (fieldSchema.type === 'integer' || fieldSchema.type === 'number') candidate[name] = /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
    else candidate[name] = text;
  }
  for (const error of checker(schema).Errors(candidate)) {
    const name = error.path.split('/')[1] ?? '';
    if (!name || errors[name]) continue;
    const fieldSchema = schema.properties[name] as (TSchema & FieldOptions) | undefined;
    if (error.type === ValueErrorType.StringMaxLength) errors[name] = { key: 'form.tooLong', params: { max: error.schema.maxLength as number } };
    else if (error.type === ValueErrorType.StringMinLength && fieldSchema?.errorMessage === undefined)
      errors[name] = { key: 'form.tooShort', params: { min: error.schema.minLength as number } };
    else if (error.type === ValueErrorType.ObjectRequiredProperty) errors[name] = { key: 'form.required' };
    else errors[name] = { key: fieldSchema?.errorMessage ?? 'form.invalid' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: candidate as Static<S>, values };
}

export function fieldError(name: string, key: MessageKey, params?: Params): FieldErrors {
  return { [name]: params ? { key, params } : { key } };
}

/**
 * For GET filter forms: fields with invalid values are dropped (like any search box would
 * ignore them) and the rest is used.
 */
export function readLenient<S extends TObject>(schema: S, query: unknown): Partial<Static<S>> {
  const raw = { ...((query && typeof query === 'object' ? query : {}) as Record<string, unknown>) };
  let result = readForm(schema, raw);
  if (!result.ok) {
    for (const name of Object.keys(result.errors)) delete raw[name];
    result = readForm(schema, raw);
  }
  return result.ok ? result.value : {};
}
