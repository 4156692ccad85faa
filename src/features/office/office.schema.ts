/** Forms, params and queries of the office pages. */
import { Type, type Static } from '@sinclair/typebox';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) });
export type IdParams = Static<typeof IdParams>;

export const OffsetQuery = Type.Object({ offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) });
export type OffsetQuery = Static<typeof OffsetQuery>;

export const ApproveForm = Type.Object({
  organisationId: Type.Optional(Type.String({ maxLength: 40 })),
  addDomain: Type.Boolean(),
});
export type ApproveForm = Static<typeof ApproveForm>;

export const DeclineForm = Type.Object({
  message: Type.String({ minLength: 1, maxLength: 2000 }),
});

export const UserSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
});
export type UserSearchQuery = Static<typeof UserSearchQuery>;

export const RoleForm = Type.Object({
  role: Type.Union([Type.Literal('applicant'), Type.Literal('member'), Type.Literal('partner'), Type.Literal('office'), Type.Literal('admin')], { errorMessage: 'office.users.error.role' }),
});

export const AuditQuery = Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })) });

/** Texts of the public pages: plain paragraphs, so a generous but finite length. */
export const PageTextForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
});
