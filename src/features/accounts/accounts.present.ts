/** The JSON shape of the signed-in person: every field listed, nothing sent as stored. */
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { getProfileSummary } from './accounts.repo.js';

export const MeResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: Type.Union([Type.Literal('applicant'), Type.Literal('member'), Type.Literal('partner'), Type.Literal('office'), Type.Literal('admin')]),
  organisation: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), level: Type.String(), url: Type.String() }), Type.Null()]),
  organisationOther: Type.Union([Type.String(), Type.Null()]),
  verification: Type.Object({
    state: Type.Union([Type.Literal('unconfirmed'), Type.Literal('pending'), Type.Literal('declined'), Type.Literal('verified'), Type.Literal('none')]),
    via: Type.Union([Type.String(), Type.Null()]),
    verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
  locale: Type.String(),
  url: Type.String(),
});
export type MeResponse = Static<typeof MeResponse>;

export function verificationState(row: { emailConfirmedAt: Date | null; verifiedAt: Date | null; reviewStatus: string | null; role: string }) {
  if (!row.emailConfirmedAt) return 'unconfirmed' as const;
  if (row.reviewStatus === 'pending') return 'pending' as const;
  if (row.reviewStatus === 'declined') return 'declined' as const;
  if (row.verifiedAt || row.role === 'office' || row.role === 'admin') return 'verified' as const;
  return 'none' as const;
}

export async function presentMe(db: Kysely<DB>, config: Config, userId: string): Promise<MeResponse> {
  const row = await getProfileSummary(db, userId);
  if (!row) throw new AppError('unauthenticated');
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisation: row.organisationId
      ? { id: row.organisationId, name: row.organisationName!, level: row.organisationLevel!, url: new URL(`/organisationen/${row.organisationId}`, config.baseUrl).toString() }
      : null,
    organisationOther: row.organisationOther,
    verification: { state: verificationState(row), via: row.verifiedVia, verifiedAt: row.verifiedAt?.toISOString() ?? null },
    locale: row.locale,
    url: new URL('/konto', config.baseUrl).toString(),
  };
}
