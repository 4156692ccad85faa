import { Type, type Static } from '@sinclair/typebox';

export const levels = ['bund', 'land', 'kommune', 'sonstige'] as const;
export const states = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export const organisationTypes = ['ministerium', 'bundesbehoerde', 'staatskanzlei', 'landesbehoerde', 'stadt', 'gemeinde', 'kreis', 'it-dienstleister', 'hochschule', 'sonstige'] as const;

const literals = <const T extends readonly string[]>(values: T) => values.map((v) => Type.Literal(v as T[number]));

export const LevelSchema = Type.Union(literals(levels), { errorMessage: 'org.error.level' });
export const StateSchema = Type.Union(literals(states), { errorMessage: 'org.error.state' });

export const OrganisationForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  shortName: Type.Optional(Type.String({ maxLength: 40 })),
  level: LevelSchema,
  state: Type.Optional(StateSchema),
  type: Type.Union(literals(organisationTypes), { errorMessage: 'org.error.type' }),
  allowSubdomains: Type.Boolean(),
  parentId: Type.Optional(Type.String({ maxLength: 40 })),
});
export type OrganisationForm = Static<typeof OrganisationForm>;

export const DomainForm = Type.Object({
  domain: Type.String({ minLength: 3, maxLength: 253, errorMessage: 'org.error.domain' }),
});

/** Filters of the directory pages (a plain GET form: an empty select means "all"). */
export const DirectoryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(Type.Union([...literals(levels), Type.Literal('')])),
  state: Type.Optional(Type.Union([...literals(states), Type.Literal('')])),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
});
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }) });

/** GET /api/v1/organisations: the same filters, with a page size of at most 50. */
export const ApiOrganisationsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or short name' })),
  level: Type.Optional(Type.Union(literals(levels))),
  state: Type.Optional(Type.Union(literals(states), { description: 'Federal state (ISO 3166-2 suffix, e.g. NW)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});
export type ApiOrganisationsQuery = Static<typeof ApiOrganisationsQuery>;

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const OrganisationRef = Type.Object({ id: Type.String(), name: Type.String(), url: Type.String({ format: 'uri' }) });

export const OrganisationSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: NullableString,
  level: Type.Union(literals(levels)),
  state: NullableString,
  type: Type.String(),
  url: Type.String({ format: 'uri', description: 'The organisation page' }),
});
export type OrganisationSummary = Static<typeof OrganisationSummary>;

export const OrganisationDetail = Type.Object({
  ...OrganisationSummary.properties,
  parent: Type.Union([OrganisationRef, Type.Null()]),
  children: Type.Array(OrganisationRef, { description: 'Subordinate organisations, at most 100' }),
  childrenTotal: Type.Integer(),
});
export type OrganisationDetail = Static<typeof OrganisationDetail>;

export const OrganisationList = Type.Object({
  items: Type.Array(OrganisationSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  next: Type.Union([Type.String({ format: 'uri' }), Type.Null()], { description: 'The next page, if there is one' }),
});
export type OrganisationList = Static<typeof OrganisationList>;
