import { Type } from '@sinclair/typebox';

/** Every API error: a stable code and a message in the caller's language. */
export const ErrorResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Record(Type.String(), Type.String())),
});
