/** Account forms and bodies: one schema each for the HTML form and the JSON API. */
import { Type, type Static } from '@sinclair/typebox';

const Email = Type.String({ maxLength: 254, format: 'email', errorMessage: 'account.error.email' });
const Password = Type.String({ minLength: 12, maxLength: 200, secret: true, errorMessage: 'account.error.passwordLength' });
const AnyPassword = Type.String({ minLength: 1, maxLength: 200, secret: true });

export const RegisterForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  email: Email,
  password: Password,
  organisationId: Type.Optional(Type.String({ maxLength: 40 })),
  organisationOther: Type.Optional(Type.String({ maxLength: 200 })),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type RegisterForm = Static<typeof RegisterForm>;

export const SignInBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: AnyPassword,
});
export type SignInBody = Static<typeof SignInBody>;

export const EmailOnlyForm = Type.Object({ email: Email });

export const NewPasswordForm = Type.Object({ password: Password });

export const ChangePasswordForm = Type.Object({ currentPassword: AnyPassword, password: Password });

export const ChangeEmailForm = Type.Object({ currentPassword: AnyPassword, email: Email });

export const AccessTokenForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  scopes: Type.Array(Type.Union([Type.Literal('read'), Type.Literal('write')]), { minItems: 1, maxItems: 2, errorMessage: 'account.error.scopes' }),
});
