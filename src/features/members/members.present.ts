/** JSON shapes of members: every field listed; hidden fields are null, never omitted silently. */
import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import type { getMemberProfile, listMembers } from './members.repo.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const OrganisationRef = Type.Union([
  Type.Object({ id: Type.String(), name: Type.String(), level: Type.String(), state: Nullable(Type.String()), url: Type.String() }),
  Type.Null(),
]);

export const MemberSummary = Type.Object({
  id: Type.String(),
  url: Type.String(),
  name: Type.String(),
  partner: Type.Boolean(),
  organisation: OrganisationRef,
  level: Nullable(Type.String()),
  state: Nullable(Type.String()),
  position: Nullable(Type.String()),
  expertise: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type MemberSummary = Static<typeof MemberSummary>;

const TagOut = Type.Object({ slug: Type.String(), label: Type.String(), confirmations: Type.Integer() });

export const MemberDetail = Type.Composite([
  Type.Omit(MemberSummary, ['expertise']),
  Type.Object({
    bio: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    contactOther: Nullable(Type.String()),
    languages: Type.Union([Type.Array(Type.String()), Type.Null()]),
    expertise: Type.Union([Type.Array(TagOut), Type.Null()]),
    ask: Type.Union([Type.Array(Type.Object({ slug: Type.String(), label: Type.String() })), Type.Null()]),
  }),
]);
export type MemberDetail = Static<typeof MemberDetail>;

type Row = Awaited<ReturnType<typeof listMembers>>['items'][number];
type Profile = NonNullable<Awaited<ReturnType<typeof getMemberProfile>>>;

function organisation(config: Config, row: { organisationId: string | null; organisationName: string | null; level: string | null; state: string | null }) {
  return row.organisationId
    ? { id: row.organisationId, name: row.organisationName ?? '', level: row.level ?? '', state: row.state, url: new URL(`/organisationen/${row.organisationId}`, config.baseUrl).toString() }
    : null;
}

export function presentMemberSummary(config: Config, row: Row): MemberSummary {
  return {
    id: row.id,
    url: new URL(`/mitglieder/${row.id}`, config.baseUrl).toString(),
    name: row.name,
    partner: row.role === 'partner',
    organisation: organisation(config, row),
    level: row.level,
    state: row.state,
    position: row.position,
    expertise: row.expertise,
  };
}

export function presentMemberDetail(config: Config, p: Profile): MemberDetail {
  return {
    id: p.id,
    url: new URL(`/mitglieder/${p.id}`, config.baseUrl).toString(),
    name: p.name,
    partner: p.role === 'partner',
    organisation: organisation(config, p),
    level: p.level,
    state: p.state,
    position: p.position,
    bio: p.bio,
    phone: p.phone,
    contactOther: p.contactOther,
    languages: p.languages,
    expertise: p.expertiseVisible ? p.tags.filter((t) => t.kind === 'expertise').map((t) => ({ slug: t.slug, label: t.label, confirmations: t.confirmations ?? 0 })) : null,
    ask: p.expertiseVisible ? p.tags.filter((t) => t.kind === 'ask').map((t) => ({ slug: t.slug, label: t.label })) : null,
  };
}
