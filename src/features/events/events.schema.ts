/** The input of events, for the API and (through events.forms.ts) the forms. */
import { FormatRegistry, Type, type Static } from '@sinclair/typebox';
import { Text } from '../api/api.schema.js';

/** An instant with its offset (or Z): what the API takes; the forms read local Berlin time instead. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));

export const Id = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });


export const EventKindSchema = Type.Union([Type.Literal('workshop'), Type.Literal('barcamp'), Type.Literal('meeting'), Type.Literal('online')]);
export const AudienceSchema = Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('community'), Type.Literal('invited')], {
  description: 'public: listed publicly; members: all verified members; community: active members of the linked community; invited: the invitation list',
});
const DateTime = Type.String({ format: 'date-time', maxLength: 40, description: 'ISO 8601 with offset, e.g. 2026-12-03T09:00:00+01:00' });

export const QuestionIn = Type.Object(
  { label: Text(200, { required: true }), required: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const EventCreate = Type.Object(
  {
    kind: EventKindSchema,
    title: Text(200, { required: true, minLength: 3 }),
    description: Text(20000, { required: true, description: 'Markdown' }),
    startsAt: DateTime,
    endsAt: DateTime,
    place: Type.Optional(Type.Union([Text(200), Type.Null()])),
    placeDetails: Type.Optional(Type.Union([Text(2000, { description: 'Address, room, access: shown to confirmed participants only' }), Type.Null()])),
    onlineUrl: Type.Optional(Type.Union([Type.String({ maxLength: 500, pattern: '^https://[^\\s\\u0000]+$', description: 'https only; shown to confirmed participants only' }), Type.Null()])),
    communityId: Type.Optional(Type.Union([Id, Type.Null()])),
    audience: AudienceSchema,
    capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()])),
    waitlist: Type.Optional(Type.Boolean()),
    registrationOpensAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
    registrationClosesAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
    questions: Type.Optional(Type.Array(QuestionIn, { maxItems: 5 })),
    organiserName: Type.Optional(Type.Union([Text(200), Type.Null()])),
    invitedIds: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'audience invited: the people invited' })),
    organiserIds: Type.Optional(Type.Array(Id, { maxItems: 20, description: 'Further organisers (verified members); the creator always organises' })),
  },
  { additionalProperties: false },
);
export type EventInput = Static<typeof EventCreate>;

export const EventPatch = Type.Partial(EventCreate, { additionalProperties: false });
export type EventPatchInput = Static<typeof EventPatch>;
