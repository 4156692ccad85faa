import { Type, type Static } from '@sinclair/typebox';

export const visibilityValues = ['members', 'shared', 'nobody'] as const;
export const languageCodes = ['de', 'en', 'fr', 'es', 'it', 'nl', 'pl', 'cs', 'da', 'tr', 'ar', 'uk', 'ru', 'dgs'] as const;
export const visibilityFields = ['position', 'bio', 'phone', 'contactOther', 'languages', 'expertise'] as const;

const Visibility = Type.Union([Type.Literal('members'), Type.Literal('shared'), Type.Literal('nobody')], { errorMessage: 'profile.error.visibility' });
const Language = Type.Union(languageCodes.map((c) => Type.Literal(c as (typeof languageCodes)[number])));

/** The profile form: lists of tags are typed as comma-separated text (works without JavaScript). */
export const ProfileForm = Type.Object({
  position: Type.Optional(Type.String({ maxLength: 120 })),
  bio: Type.Optional(Type.String({ maxLength: 4000 })),
  phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +()/-]*$', errorMessage: 'profile.error.phone' })),
  contactOther: Type.Optional(Type.String({ maxLength: 300 })),
  languages: Type.Array(Language, { maxItems: languageCodes.length, errorMessage: 'profile.error.languages' }),
  expertise: Type.Optional(Type.String({ maxLength: 1000 })),
  ask: Type.Optional(Type.String({ maxLength: 1000 })),
  listed: Type.Boolean(),
  visPosition: Visibility,
  visBio: Visibility,
  visPhone: Visibility,
  visContactOther: Visibility,
  visLanguages: Visibility,
  visExpertise: Visibility,
});
export type ProfileForm = Static<typeof ProfileForm>;

const TagList = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 });

/** PATCH /api/v1/me/profile: every field optional; lists replace what was there. */
export const ProfilePatch = Type.Object(
  {
    position: Type.Optional(Type.Union([Type.String({ maxLength: 120 }), Type.Null()])),
    bio: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40, pattern: '^[0-9 +()/-]*$' }), Type.Null()])),
    contactOther: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    languages: Type.Optional(Type.Array(Language, { maxItems: languageCodes.length })),
    expertise: Type.Optional(TagList),
    ask: Type.Optional(TagList),
    listed: Type.Optional(Type.Boolean()),
    visibility: Type.Optional(
      Type.Object(
        {
          position: Type.Optional(Visibility),
          bio: Type.Optional(Visibility),
          phone: Type.Optional(Visibility),
          contactOther: Type.Optional(Visibility),
          languages: Type.Optional(Visibility),
          expertise: Type.Optional(Visibility),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ProfilePatch = Static<typeof ProfilePatch>;
