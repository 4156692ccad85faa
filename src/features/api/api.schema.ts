import { Type } from '@sinclair/typebox';

/** Every API error: a stable code and a message in the caller's language. */
export const ErrorResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.String())),
});

/** Text without NUL characters (PostgreSQL refuses them); `required` texts need a visible character. */
export const Text = (maxLength: number, opts: { required?: boolean; minLength?: number; description?: string } = {}) =>
  Type.String({
    minLength: opts.minLength ?? (opts.required ? 1 : 0),
    maxLength,
    pattern: opts.required ? '^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$' : '^[^\\u0000]*$',
    ...(opts.description ? { description: opts.description } : {}),
  });
