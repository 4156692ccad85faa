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
  calendarFeedVersion: Generated<number>;
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

export type CommunityVisibility = 'open' | 'request' | 'hidden';
export type PostType = 'discussion' | 'question' | 'example' | 'announcement';
export type ExampleStatus = 'idea' | 'pilot' | 'operation';
export type ContentKind = 'post' | 'reply';

export interface CommunitiesTable {
  id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  guidelines: Generated<string>;
  visibility: CommunityVisibility;
  partnersAllowed: Generated<boolean>;
  chathamHouse: Generated<boolean>;
  status: Generated<'proposed' | 'active' | 'declined'>;
  proposalReason: string | null;
  decisionMessage: string | null;
  decidedBy: string | null;
  decidedAt: NullableTimestamp;
  memberCount: Generated<number>;
  lastActivityAt: Generated<Date>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface CommunityTopicsTable {
  communityId: string;
  tagId: string;
}

export interface CommunityMembersTable {
  communityId: string;
  userId: string;
  role: Generated<'member' | 'lead'>;
  status: 'active' | 'requested' | 'invited';
  message: string | null;
  invitedBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface PostsTable {
  id: string;
  communityId: string;
  type: PostType;
  title: string;
  body: string;
  authorId: string | null;
  acceptedReplyId: string | null;
  replyCount: Generated<number>;
  helpfulCount: Generated<number>;
  pinnedAt: NullableTimestamp;
  lockedAt: NullableTimestamp;
  hiddenAt: NullableTimestamp;
  hiddenReason: string | null;
  hiddenBy: string | null;
  deletedAt: NullableTimestamp;
  deletedBy: string | null;
  editedAt: NullableTimestamp;
  lastActivityAt: Generated<Date>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface PracticeExamplesTable {
  postId: string;
  problem: string;
  solution: string;
  organisationId: string | null;
  status: ExampleStatus;
  contactId: string | null;
  materials: Generated<string>;
  reuse: Generated<string>;
}

export interface PostTagsTable {
  postId: string;
  tagId: string;
}

export interface RepliesTable {
  id: string;
  postId: string;
  body: string;
  authorId: string | null;
  quoteReplyId: string | null;
  helpfulCount: Generated<number>;
  hiddenAt: NullableTimestamp;
  hiddenReason: string | null;
  hiddenBy: string | null;
  deletedAt: NullableTimestamp;
  deletedBy: string | null;
  editedAt: NullableTimestamp;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  targetType: ContentKind;
  targetId: string;
  title: string | null;
  body: string;
  editedBy: string | null;
  createdAt: Generated<Date>;
}

export interface HelpfulMarksTable {
  targetType: ContentKind;
  targetId: string;
  userId: string;
  createdAt: Generated<Date>;
}

export interface PostFollowsTable {
  postId: string;
  userId: string;
  createdAt: Generated<Date>;
}

export interface CommunityFollowsTable {
  communityId: string;
  userId: string;
  createdAt: Generated<Date>;
}

export interface BookmarksTable {
  postId: string;
  userId: string;
  createdAt: Generated<Date>;
}

export interface ExampleReusesTable {
  postId: string;
  userId: string;
  organisationId: string | null;
  createdAt: Generated<Date>;
}

export interface MentionsTable {
  targetType: ContentKind;
  targetId: string;
  userId: string;
  createdAt: Generated<Date>;
}

export interface ReportsTable {
  id: string;
  communityId: string;
  postId: string;
  replyId: string | null;
  reporterId: string | null;
  reason: string;
  status: Generated<'open' | 'resolved' | 'dismissed'>;
  resolvedBy: string | null;
  resolvedAt: NullableTimestamp;
  createdAt: Generated<Date>;
}

export type EventKind = 'workshop' | 'barcamp' | 'meeting' | 'online';
export type EventAudience = 'public' | 'members' | 'community' | 'invited';
export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled';
export type SessionFormat = 'talk' | 'discussion' | 'workshop' | 'other';
export interface EventQuestion {
  id: string;
  label: string;
  required: boolean;
}

export interface EventsTable {
  id: string;
  kind: EventKind;
  title: string;
  description: Generated<string>;
  startsAt: Timestamp;
  endsAt: Timestamp;
  place: string | null;
  placeDetails: string | null;
  onlineUrl: string | null;
  communityId: string | null;
  audience: EventAudience;
  capacity: number | null;
  waitlist: Generated<boolean>;
  registrationOpensAt: NullableTimestamp;
  registrationClosesAt: NullableTimestamp;
  questions: ColumnType<EventQuestion[], string | undefined, string>;
  organiserName: string | null;
  status: Generated<'scheduled' | 'cancelled'>;
  cancelMessage: string | null;
  cancelledAt: NullableTimestamp;
  sequence: Generated<number>;
  confirmedCount: Generated<number>;
  waitlistCount: Generated<number>;
  planPublishedAt: NullableTimestamp;
  documentationPublishedAt: NullableTimestamp;
  answersDeletedAt: NullableTimestamp;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface EventOrganisersTable {
  eventId: string;
  userId: string;
  createdAt: Generated<Date>;
}

export interface EventInvitationsTable {
  eventId: string;
  userId: string;
  invitedBy: string | null;
  createdAt: Generated<Date>;
}

export interface EventRegistrationsTable {
  id: string;
  eventId: string;
  userId: string;
  status: RegistrationStatus;
  queuePosition: ColumnType<string, string | undefined, string>;
  answers: ColumnType<Record<string, string>, string | undefined, string>;
  promotedAt: NullableTimestamp;
  cancelledAt: NullableTimestamp;
  cancelledBy: string | null;
  cancelMessage: string | null;
  attendedAt: NullableTimestamp;
  attendanceMarkedBy: string | null;
  remindedAt: NullableTimestamp;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface CertificatesTable {
  code: string;
  registrationId: string;
  eventId: string;
  userId: string;
  participantName: string;
  eventTitle: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
  hours: ColumnType<string, string | number, string | number>;
  organiser: string;
  issuedAt: Generated<Date>;
}

export interface EventRoomsTable {
  id: string;
  eventId: string;
  name: string;
  capacity: number;
  position: Generated<number>;
}

export interface EventSlotsTable {
  id: string;
  eventId: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
}

export interface EventSessionsTable {
  id: string;
  eventId: string;
  title: string;
  description: Generated<string>;
  format: SessionFormat;
  expectedSize: number | null;
  roomId: string | null;
  slotId: string | null;
  interestCount: Generated<number>;
  withdrawnAt: NullableTimestamp;
  notes: Generated<string>;
  notesVersion: Generated<number>;
  notesUpdatedAt: NullableTimestamp;
  notesUpdatedBy: string | null;
  documentationPostId: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  createdBy: string | null;
}

export interface EventSessionHostsTable {
  sessionId: string;
  userId: string;
}

export interface EventSessionInterestTable {
  sessionId: string;
  userId: string;
  createdAt: Generated<Date>;
}

// ---- notifications, mail, direct messages (0009) -----------------------------------------

export type NotificationKind = 'reply' | 'answer' | 'accepted' | 'mention' | 'activity' | 'membership_request' | 'membership_decision' | 'event' | 'moderation' | 'verification' | 'message';
export type Delivery = 'immediate' | 'daily' | 'weekly' | 'off';
export type CommunityDelivery = Delivery | 'all';

export interface NotificationsTable {
  id: string;
  userId: string;
  kind: NotificationKind;
  action: Generated<string>;
  actorId: string | null;
  communityId: string | null;
  postId: string | null;
  replyId: string | null;
  eventId: string | null;
  conversationId: string | null;
  messageId: string | null;
  note: string | null;
  createdAt: Generated<Date>;
  readAt: NullableTimestamp;
  mailedAt: NullableTimestamp;
}

export interface NotificationSettingsTable {
  userId: string;
  kind: NotificationKind;
  delivery: Delivery;
  updatedAt: Generated<Date>;
}

export interface CommunityMailSettingsTable {
  userId: string;
  communityId: string;
  delivery: CommunityDelivery;
  updatedAt: Generated<Date>;
}

export interface MailLogTable {
  key: string;
  userId: string | null;
  kind: string;
  status: 'sent' | 'failed' | 'skipped';
  attempts: Generated<number>;
  error: string | null;
  subject: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface ConversationsTable {
  id: string;
  pairKey: string;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  lastMessageAt: Generated<Date>;
}

export interface ConversationParticipantsTable {
  conversationId: string;
  userId: string;
  lastReadAt: NullableTimestamp;
  createdAt: Generated<Date>;
}

export interface MessagesTable {
  id: string;
  conversationId: string;
  authorId: string | null;
  body: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface UserBlocksTable {
  blockerId: string;
  blockedId: string;
  createdAt: Generated<Date>;
}

export interface MessageReportsTable {
  id: string;
  messageId: string;
  reporterId: string | null;
  reason: string;
  status: Generated<'open' | 'resolved' | 'dismissed'>;
  resolvedBy: string | null;
  resolvedAt: NullableTimestamp;
  createdAt: Generated<Date>;
}

export interface DB {
  events: EventsTable;
  eventOrganisers: EventOrganisersTable;
  eventInvitations: EventInvitationsTable;
  eventRegistrations: EventRegistrationsTable;
  certificates: CertificatesTable;
  eventRooms: EventRoomsTable;
  eventSlots: EventSlotsTable;
  eventSessions: EventSessionsTable;
  eventSessionHosts: EventSessionHostsTable;
  eventSessionInterest: EventSessionInterestTable;
  communities: CommunitiesTable;
  communityTopics: CommunityTopicsTable;
  communityMembers: CommunityMembersTable;
  posts: PostsTable;
  practiceExamples: PracticeExamplesTable;
  postTags: PostTagsTable;
  replies: RepliesTable;
  revisions: RevisionsTable;
  helpfulMarks: HelpfulMarksTable;
  postFollows: PostFollowsTable;
  communityFollows: CommunityFollowsTable;
  bookmarks: BookmarksTable;
  exampleReuses: ExampleReusesTable;
  mentions: MentionsTable;
  reports: ReportsTable;
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
  notifications: NotificationsTable;
  notificationSettings: NotificationSettingsTable;
  communityMailSettings: CommunityMailSettingsTable;
  mailLog: MailLogTable;
  conversations: ConversationsTable;
  conversationParticipants: ConversationParticipantsTable;
  messages: MessagesTable;
  userBlocks: UserBlocksTable;
  messageReports: MessageReportsTable;
}
