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
