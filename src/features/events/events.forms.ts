/**
 * The event form: dates and times are typed as local time in Europe/Berlin (datetime-local
 * fields, which also work as plain text fields without a date picker) and turned into
 * instants here. Invitations are typed as e-mail addresses, one per line.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { DB, EventQuestion } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { normaliseEmail } from '../../lib/email.js';
import type { FormValues } from '../../http/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { EventRow } from './events.repo.js';
import type { EventInput } from './events.schema.js';
import { fromBerlinLocal, toBerlinLocal } from '../../lib/berlin-time.js';

export const QUESTION_SLOTS = 3;

const LocalDateTime = (errorMessage: MessageKey) => Type.String({ maxLength: 20, pattern: '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}$', errorMessage });

export const EventForm = Type.Object({
  kind: Type.Union([Type.Literal('workshop'), Type.Literal('barcamp'), Type.Literal('meeting'), Type.Literal('online')], { errorMessage: 'events.form.error.kind' }),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  description: Type.String({ minLength: 1, maxLength: 20000 }),
  startsAt: LocalDateTime('events.form.error.dateTime'),
  endsAt: LocalDateTime('events.form.error.dateTime'),
  place: Type.Optional(Type.String({ maxLength: 200 })),
  placeDetails: Type.Optional(Type.String({ maxLength: 2000 })),
  onlineUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https://\\S+$', errorMessage: 'events.form.error.onlineUrl' })),
  communityId: Type.Optional(Type.String({ maxLength: 40 })),
  audience: Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('community'), Type.Literal('invited')], { errorMessage: 'events.form.error.audience' }),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, errorMessage: 'events.form.error.capacity' })),
  waitlist: Type.Optional(Type.Boolean()),
  registrationOpensAt: Type.Optional(LocalDateTime('events.form.error.dateTime')),
  registrationClosesAt: Type.Optional(LocalDateTime('events.form.error.dateTime')),
  question1: Type.Optional(Type.String({ maxLength: 200 })),
  question2: Type.Optional(Type.String({ maxLength: 200 })),
  question3: Type.Optional(Type.String({ maxLength: 200 })),
  required1: Type.Optional(Type.Boolean()),
  required2: Type.Optional(Type.Boolean()),
  required3: Type.Optional(Type.Boolean()),
  organiserName: Type.Optional(Type.String({ maxLength: 200 })),
  invitations: Type.Optional(Type.String({ maxLength: 20000 })),
  organisers: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type EventForm = Static<typeof EventForm>;

/**
 * E-mail addresses (one per line, or separated by commas) to user ids; unknown addresses are a
 * field error. Invitations may go to partners; organisers must be verified staff.
 */
export async function resolveAddresses(db: Kysely<DB>, text: string | undefined, field: 'invitations' | 'organisers'): Promise<string[]> {
  const parts = (text ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
  if (parts.length > (field === 'invitations' ? 500 : 20)) throw new AppError('validation_failed', { [field]: 'events.form.error.tooManyAddresses' });
  const addresses = parts.map((p) => normaliseEmail(p)?.address ?? null);
  if (addresses.some((a) => a === null)) throw new AppError('validation_failed', { [field]: 'events.form.error.invitationAddress' });
  if (addresses.length === 0) return [];
  const roles = field === 'invitations' ? ['member', 'partner', 'office', 'admin'] as const : ['member', 'office', 'admin'] as const;
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', addresses as string[]).where('role', 'in', roles).execute();
  if (users.length !== new Set(addresses).size) throw new AppError('validation_failed', { [field]: field === 'invitations' ? 'events.form.error.invitationUnknown' : 'events.form.error.organiserUnknown' });
  return users.map((u) => u.id);
}

export function eventInputFromForm(form: EventForm, invitedIds: string[], organiserIds: string[]): EventInput {
  const fields: Record<string, MessageKey> = {};
  const at = (name: keyof EventForm, value: string | undefined) => {
    if (!value) return null;
    const d = fromBerlinLocal(value);
    if (!d) fields[name] = 'events.form.error.dateTime';
    return d?.toISOString() ?? null;
  };
  const startsAt = at('startsAt', form.startsAt);
  const endsAt = at('endsAt', form.endsAt);
  const opens = at('registrationOpensAt', form.registrationOpensAt);
  const closes = at('registrationClosesAt', form.registrationClosesAt);
  if (Object.keys(fields).length || !startsAt || !endsAt) throw new AppError('validation_failed', fields);
  const questions: { label: string; required: boolean }[] = [];
  for (let i = 1; i <= QUESTION_SLOTS; i += 1) {
    const label = form[`question${i}` as 'question1'];
    if (label) questions.push({ label, required: form[`required${i}` as 'required1'] ?? false });
  }
  return {
    kind: form.kind,
    title: form.title,
    description: form.description,
    startsAt,
    endsAt,
    place: form.place ?? null,
    placeDetails: form.placeDetails ?? null,
    onlineUrl: form.onlineUrl ?? null,
    communityId: form.communityId || null,
    audience: form.audience,
    capacity: form.capacity ?? null,
    waitlist: form.waitlist ?? false,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    questions,
    organiserName: form.organiserName ?? null,
    invitedIds,
    organiserIds,
  };
}

/** The form's values for an existing event (the edit form). */
export function formValuesOf(event: EventRow, invitations: string[], organisers: string[]): FormValues {
  const values: FormValues = {
    kind: event.kind,
    title: event.title,
    description: event.description,
    startsAt: toBerlinLocal(event.startsAt),
    endsAt: toBerlinLocal(event.endsAt),
    place: event.place ?? '',
    placeDetails: event.placeDetails ?? '',
    onlineUrl: event.onlineUrl ?? '',
    communityId: event.communityId ?? '',
    audience: event.audience,
    capacity: event.capacity === null ? '' : String(event.capacity),
    waitlist: event.waitlist ? 'on' : '',
    registrationOpensAt: event.registrationOpensAt ? toBerlinLocal(event.registrationOpensAt) : '',
    registrationClosesAt: event.registrationClosesAt ? toBerlinLocal(event.registrationClosesAt) : '',
    organiserName: event.organiserName ?? '',
    invitations: invitations.join('\n'),
    organisers: organisers.join('\n'),
  };
  event.questions.forEach((q: EventQuestion, i: number) => {
    values[`question${i + 1}`] = q.label;
    values[`required${i + 1}`] = q.required ? 'on' : '';
  });
  return values;
}
