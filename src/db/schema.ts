/** Kysely's view of the tables (camelCase; the CamelCasePlugin maps to snake_case columns). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Level = 'bund' | 'land' | 'kommune' | 'sonstige';
export type Role = 'applicant' | 'member' | 'partner' | 'office' | 'admin';
export type TokenPurpose = 'confirm_email' | 'sign_in' | 'reset_password' | 'change_email';

export interface OrganisationsTable {
  id: string;
  name: string;
  shortName: string | null;
  level: Level;
  state: string | null;
  type: string;
  allowSubdomains: Generated<boolean>;
  parentId: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface OrganisationDomainsTable {
  domain: string;
  organisationId: string;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  role: Generated<Role>;
  organisationId: string | null;
  organisationOther: string | null;
  applicationReason: string | null;
  emailConfirmedAt: NullableTimestamp;
  verifiedVia: 'domain' | 'review' | 'invitation' | 'seed' | null;
  verifiedAt: NullableTimestamp;
  verifiedBy: string | null;
  reviewStatus: 'pending' | 'declined' | null;
  reviewMessage: string | null;
  locale: Generated<'de' | 'en'>;
  suspendedAt: NullableTimestamp;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  tokenHash: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Generated<Date>;
  lastSeenAt: Generated<Date>;
  expiresAt: Timestamp;
}

export interface OneTimeTokensTable {
  tokenHash: string;
  userId: string;
  purpose: TokenPurpose;
  email: string;
  expiresAt: Timestamp;
  usedAt: NullableTimestamp;
  createdAt: Generated<Date>;
}

export interface AccessTokensTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  scopes: string[];
  createdAt: Generated<Date>;
  lastUsedAt: NullableTimestamp;
  revokedAt: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  createdAt: Generated<Date>;
}

export interface RateLimitsTable {
  key: string;
  windowStart: Timestamp;
  hits: number;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface FeedbackTable {
  id: string;
  kind: 'accessibility';
  name: string | null;
  email: string | null;
  page: string | null;
  message: string;
  createdAt: Generated<Date>;
  handledAt: NullableTimestamp;
}

export type FieldVisibility = 'members' | 'shared' | 'nobody';
export interface ProfileVisibility {
  position: FieldVisibility;
  bio: FieldVisibility;
  phone: FieldVisibility;
  contactOther: FieldVisibility;
  languages: FieldVisibility;
  expertise: FieldVisibility;
}

export interface ProfilesTable {
  userId: string;
  position: string | null;
  bio: string | null;
  phone: string | null;
  contactOther: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  listed: Generated<boolean>;
  visibility: ColumnType<ProfileVisibility, string | undefined, string>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface TagsTable {
  id: string;
  slug: string;
  label: string;
  createdAt: Generated<Date>;
  createdBy: string | null;
}

export interface ProfileTagsTable {
  userId: string;
  tagId: string;
  kind: 'expertise' | 'ask';
  createdAt: Generated<Date>;
}

export interface ExpertiseConfirmationsTable {
  userId: string;
  tagId: string;
  confirmedBy: string;
  createdAt: Generated<Date>;
}

export interface OrganisationImportsTable {
  id: string;
  filename: string | null;
  rows: ColumnType<Record<string, string>[], string, string>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  appliedAt: NullableTimestamp;
}

export interface DB {
  organisationImports: OrganisationImportsTable;
  profiles: ProfilesTable;
  tags: TagsTable;
  profileTags: ProfileTagsTable;
  expertiseConfirmations: ExpertiseConfirmationsTable;
  organisations: OrganisationsTable;
  organisationDomains: OrganisationDomainsTable;
  users: UsersTable;
  sessions: SessionsTable;
  oneTimeTokens: OneTimeTokensTable;
  accessTokens: AccessTokensTable;
  auditLog: AuditLogTable;
  rateLimits: RateLimitsTable;
  settings: SettingsTable;
  feedback: FeedbackTable;
}
