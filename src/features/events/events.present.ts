/** Events as the API shows them. The place's details and the online link only for those who may see them. */
import { Type, type Static } from '@sinclair/typebox';
import type { Actor } from '../../http/actor.js';
import { isOffice } from '../accounts/accounts.policy.js';
import type { EventRow } from './events.repo.js';
import { seesAccessDetails } from './events.service.js';
import { AudienceSchema, EventKindSchema } from './events.schema.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const EventOut = Type.Object({
  id: Type.String(),
  url: Type.String(),
  icsUrl: Type.String(),
  kind: EventKindSchema,
  title: Type.String(),
  description: Type.String({ description: 'Markdown' }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  timeZone: Type.Literal('Europe/Berlin'),
  place: Nullable(Type.String()),
  placeDetails: Nullable(Type.String({ description: 'Only for confirmed participants, organisers and the office' })),
  onlineUrl: Nullable(Type.String({ description: 'Only for confirmed participants, organisers and the office' })),
  community: Type.Union([Type.Object({ slug: Type.String(), name: Type.String() }), Type.Null()]),
  audience: AudienceSchema,
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  waitlist: Type.Boolean(),
  registrationOpensAt: Nullable(Type.String({ format: 'date-time' })),
  registrationClosesAt: Nullable(Type.String({ format: 'date-time' })),
  questions: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), required: Type.Boolean() })),
  organiserName: Nullable(Type.String()),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  cancelMessage: Nullable(Type.String()),
  confirmedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  registration: Type.Union([Type.Literal('none'), Type.Literal('confirmed'), Type.Literal('waiting')], { description: 'The caller’s registration' }),
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  attended: Type.Boolean(),
  canManage: Type.Boolean(),
});
export type EventOut = Static<typeof EventOut>;

export function presentEvent(baseUrl: URL, actor: Actor, e: EventRow, manage: boolean): EventOut {
  const details = seesAccessDetails(isOffice(actor), e);
  return {
    id: e.id,
    url: new URL(`/veranstaltungen/${e.id}`, baseUrl).toString(),
    icsUrl: new URL(`/api/v1/events/${e.id}.ics`, baseUrl).toString(),
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: 'Europe/Berlin',
    place: e.place,
    placeDetails: details ? e.placeDetails : null,
    onlineUrl: details ? e.onlineUrl : null,
    community: e.communitySlug && e.communityName ? { slug: e.communitySlug, name: e.communityName } : null,
    audience: e.audience,
    capacity: e.capacity,
    waitlist: e.waitlist,
    registrationOpensAt: e.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: e.registrationClosesAt?.toISOString() ?? null,
    questions: e.questions,
    organiserName: e.organiserName,
    status: e.status,
    cancelMessage: e.cancelMessage,
    confirmedCount: e.confirmedCount,
    waitlistCount: e.waitlistCount,
    registration: e.myStatus === 'confirmed' || e.myStatus === 'waiting' ? e.myStatus : 'none',
    waitlistPosition: e.myWaitlistPosition,
    attended: e.myAttended,
    canManage: manage,
  };
}
