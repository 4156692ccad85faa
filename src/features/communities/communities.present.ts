/**
 * JSON shapes of communities, their members, posts and replies: every field listed by name,
 * never a row as it is. Addresses are absolute (config.baseUrl); times are ISO 8601 strings.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import type { Actor } from '../../http/actor.js';
import type { listCommunities, listCommunityMembers, CommunityRow } from './communities.repo.js';
import type { PostListItem, PostRow, ReplyItem, getReply } from './posts.repo.js';
import * as policy from './communities.policy.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const CommunityVisibilitySchema = Type.Union([Type.Literal('open'), Type.Literal('request'), Type.Literal('hidden')]);
export const PostTypeSchema = Type.Union([Type.Literal('discussion'), Type.Literal('question'), Type.Literal('example'), Type.Literal('announcement')]);
export const ExampleStatusSchema = Type.Union([Type.Literal('idea'), Type.Literal('pilot'), Type.Literal('operation')]);

export const communityUrl = (config: Config, slug: string) => new URL(`/communities/${slug}`, config.baseUrl).toString();
export const postUrl = (config: Config, id: string) => new URL(`/beitraege/${id}`, config.baseUrl).toString();
export const memberUrl = (config: Config, id: string) => new URL(`/mitglieder/${id}`, config.baseUrl).toString();

// --- Communities ---------------------------------------------------------------------------

export const MembershipOut = Nullable(
  Type.Object({
    role: Type.Union([Type.Literal('member'), Type.Literal('lead')]),
    status: Type.Union([Type.Literal('active'), Type.Literal('requested'), Type.Literal('invited')]),
  }),
);

export const CommunitySummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  url: Type.String(),
  description: Type.String({ description: 'Plain text' }),
  visibility: CommunityVisibilitySchema,
  topics: Type.Array(Type.String()),
  memberCount: Type.Integer(),
  partnersAllowed: Type.Boolean(),
  chathamHouse: Type.Boolean({ description: 'What is said may be used, but not attributed outside the community' }),
  lastActivityAt: Time,
  membership: MembershipOut,
});
export type CommunitySummary = Static<typeof CommunitySummary>;

const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });

export const CommunityDetail = Type.Composite([
  CommunitySummary,
  Type.Object({
    guidelines: Type.String({ description: 'Markdown source' }),
    leads: Type.Array(PersonRef),
    viewer: Type.Object({
      canRead: Type.Boolean(),
      canContribute: Type.Boolean(),
      canModerate: Type.Boolean(),
      join: Nullable(Type.Union([Type.Literal('join'), Type.Literal('request'), Type.Literal('accept')])),
    }),
  }),
]);
export type CommunityDetail = Static<typeof CommunityDetail>;

type CommunityListRow = Awaited<ReturnType<typeof listCommunities>>['items'][number];

function membership(status: 'active' | 'requested' | 'invited' | null | undefined, role: 'member' | 'lead' | null | undefined): Static<typeof MembershipOut> {
  return status ? { role: role ?? 'member', status } : null;
}

export function presentCommunitySummary(config: Config, row: CommunityListRow): CommunitySummary {
  return {
    slug: row.slug,
    name: row.name,
    url: communityUrl(config, row.slug),
    description: row.description,
    visibility: row.visibility,
    topics: row.topics,
    memberCount: row.memberCount,
    partnersAllowed: row.partnersAllowed,
    chathamHouse: row.chathamHouse,
    lastActivityAt: iso(row.lastActivityAt),
    membership: membership(row.myStatus, row.myRole),
  };
}

export function presentCommunityDetail(config: Config, actor: Actor, row: CommunityRow, leads: { id: string; name: string }[]): CommunityDetail {
  const m = row.membership;
  return {
    ...presentCommunitySummary(config, row),
    guidelines: row.guidelines,
    leads: leads.map((l) => ({ id: l.id, name: l.name })),
    viewer: {
      canRead: policy.canReadCommunity(actor, row, m),
      canContribute: policy.canContribute(actor, row, m),
      canModerate: policy.canModerate(actor, m),
      join: policy.canJoin(actor, row, m),
    },
  };
}

// --- Members of a community ------------------------------------------------------------------

export const CommunityPerson = Type.Object({
  id: Type.String(),
  url: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('member'), Type.Literal('partner'), Type.Literal('office'), Type.Literal('admin')], { description: 'Role on the platform: partners are guests' }),
  communityRole: Type.Union([Type.Literal('member'), Type.Literal('lead')]),
  status: Type.Union([Type.Literal('active'), Type.Literal('requested'), Type.Literal('invited')]),
  organisationName: Nullable(Type.String()),
  position: Nullable(Type.String({ description: 'null where the person does not show it to the caller' })),
  since: Time,
});
export type CommunityPerson = Static<typeof CommunityPerson>;

type MemberRow = Awaited<ReturnType<typeof listCommunityMembers>>['items'][number];

export function presentCommunityPerson(config: Config, row: MemberRow): CommunityPerson {
  return {
    id: row.id,
    url: memberUrl(config, row.id),
    name: row.name,
    // Applicants never pass the people rule; the union keeps the schema honest.
    role: row.role === 'applicant' ? 'member' : row.role,
    communityRole: row.communityRole,
    status: row.status,
    organisationName: row.organisationName,
    position: row.position,
    since: iso(row.since),
  };
}

// --- Posts ---------------------------------------------------------------------------------------

const AuthorOut = Nullable(PersonRef);
const CommunityRef = Type.Object({ slug: Type.String(), name: Type.String(), url: Type.String() });

export const PostSummary = Type.Object({
  id: Type.String(),
  url: Type.String(),
  type: PostTypeSchema,
  title: Type.String(),
  body: Type.String({ description: 'Markdown source' }),
  author: Type.Union([PersonRef, Type.Null()], { description: 'null when the author’s account was deleted' }),
  community: CommunityRef,
  createdAt: Time,
  lastActivityAt: Time,
  editedAt: Nullable(Time),
  helpfulCount: Type.Integer(),
  replyCount: Type.Integer(),
  acceptedReplyId: Nullable(Type.String()),
  pinned: Type.Boolean(),
  locked: Type.Boolean(),
  hidden: Type.Boolean({ description: 'Hidden by moderation: shown only to its author, the leads and the office' }),
});
export type PostSummary = Static<typeof PostSummary>;

const ExampleOut = Nullable(
  Type.Object({
    problem: Type.String(),
    solution: Type.String(),
    status: ExampleStatusSchema,
    organisation: Nullable(Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() })),
    contact: AuthorOut,
    materials: Type.String(),
    reuse: Type.String(),
  }),
);

export const PostDetail = Type.Composite([
  PostSummary,
  Type.Object({
    tags: Type.Array(Type.String()),
    edited: Type.Boolean(),
    hiddenReason: Nullable(Type.String()),
    example: ExampleOut,
    viewer: Type.Object({
      helpful: Type.Boolean(),
      following: Type.Boolean(),
      bookmarked: Type.Boolean(),
      canEdit: Type.Boolean(),
      canDelete: Type.Boolean(),
      canReply: Type.Boolean(),
      canAccept: Type.Boolean(),
    }),
  }),
]);
export type PostDetail = Static<typeof PostDetail>;

const author = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

export function presentPostSummary(config: Config, row: PostListItem): PostSummary {
  return {
    id: row.id,
    url: postUrl(config, row.id),
    type: row.type,
    title: row.title,
    body: row.body,
    author: author(row.authorId, row.authorName),
    community: { slug: row.communitySlug, name: row.communityName, url: communityUrl(config, row.communitySlug) },
    createdAt: iso(row.createdAt),
    lastActivityAt: iso(row.lastActivityAt),
    editedAt: isoOrNull(row.editedAt),
    helpfulCount: row.helpfulCount,
    replyCount: row.replyCount,
    acceptedReplyId: row.acceptedReplyId,
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    hidden: row.hiddenAt !== null,
  };
}

export interface LoadedPostFacts {
  post: PostRow;
  membership: policy.MembershipFacts | null;
  community: policy.CommunityFacts;
}

export function presentPostDetail(config: Config, actor: Actor, { post, membership, community }: LoadedPostFacts): PostDetail {
  const locked = post.lockedAt !== null;
  return {
    id: post.id,
    url: postUrl(config, post.id),
    type: post.type,
    title: post.title,
    body: post.body,
    author: author(post.authorId, post.authorName),
    community: { slug: post.communitySlug, name: post.communityName, url: communityUrl(config, post.communitySlug) },
    createdAt: iso(post.createdAt),
    lastActivityAt: iso(post.lastActivityAt),
    editedAt: isoOrNull(post.editedAt),
    helpfulCount: post.helpfulCount,
    replyCount: post.replyCount,
    acceptedReplyId: post.acceptedReplyId,
    pinned: post.pinnedAt !== null,
    locked,
    hidden: post.hiddenAt !== null,
    tags: post.tags,
    edited: post.editedAt !== null,
    hiddenReason: post.hiddenAt ? post.hiddenReason : null,
    example:
      post.type === 'example' && post.problem !== null && post.solution !== null && post.exampleStatus !== null
        ? {
            problem: post.problem,
            solution: post.solution,
            status: post.exampleStatus,
            organisation: post.exampleOrganisationId
              ? { id: post.exampleOrganisationId, name: post.exampleOrganisationName ?? '', url: new URL(`/organisationen/${post.exampleOrganisationId}`, config.baseUrl).toString() }
              : null,
            contact: author(post.contactId, post.contactName),
            materials: post.materials ?? '',
            reuse: post.reuse ?? '',
          }
        : null,
    viewer: {
      helpful: post.markedHelpful,
      following: post.following,
      bookmarked: post.bookmarked,
      canEdit: policy.canEdit(actor, post, locked, membership),
      canDelete: policy.canDelete(actor, post, membership),
      canReply: policy.canReply(actor, community, membership, locked),
      canAccept: policy.canAccept(actor, post, membership),
    },
  };
}

// --- Replies -------------------------------------------------------------------------------------

export const ReplyOut = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  body: Type.String({ description: 'Markdown source' }),
  author: Type.Union([PersonRef, Type.Null()], { description: 'null when the author’s account was deleted' }),
  createdAt: Time,
  editedAt: Nullable(Time),
  edited: Type.Boolean(),
  helpfulCount: Type.Integer(),
  accepted: Type.Boolean(),
  hidden: Type.Boolean(),
  hiddenReason: Nullable(Type.String()),
  quote: Nullable(
    Type.Object({
      replyId: Type.String(),
      excerpt: Nullable(Type.String({ description: 'The first 300 characters, or null when the caller cannot see the quoted reply' })),
      authorName: Nullable(Type.String()),
    }),
  ),
  viewer: Type.Object({ helpful: Type.Boolean() }),
});
export type ReplyOut = Static<typeof ReplyOut>;

type SingleReply = NonNullable<Awaited<ReturnType<typeof getReply>>>;
type ReplyCore = Pick<SingleReply, 'id' | 'body' | 'authorId' | 'authorName' | 'createdAt' | 'editedAt' | 'helpfulCount' | 'hiddenAt' | 'hiddenReason'>;

function presentReplyWith(row: ReplyCore, post: { id: string; acceptedReplyId: string | null }, quote: ReplyOut['quote'], helpful: boolean): ReplyOut {
  return {
    id: row.id,
    postId: post.id,
    body: row.body,
    author: author(row.authorId, row.authorName),
    createdAt: iso(row.createdAt),
    editedAt: isoOrNull(row.editedAt),
    edited: row.editedAt !== null,
    helpfulCount: row.helpfulCount,
    accepted: post.acceptedReplyId === row.id,
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenAt ? row.hiddenReason : null,
    quote,
    viewer: { helpful },
  };
}

export function presentReply(row: ReplyItem, post: { id: string; acceptedReplyId: string | null }): ReplyOut {
  const quote = row.quoteReplyId ? { replyId: row.quoteReplyId, excerpt: row.quoteBody, authorName: row.quoteBody === null ? null : row.quoteAuthorName } : null;
  return presentReplyWith(row, post, quote, row.markedHelpful);
}

/** A reply just written: the quote is one the writer could see (the service checked it). */
export function presentNewReply(row: SingleReply, quote: SingleReply | null, post: { id: string; acceptedReplyId: string | null }): ReplyOut {
  return presentReplyWith(row, post, quote ? { replyId: quote.id, excerpt: quote.body.slice(0, 300), authorName: quote.authorName } : null, false);
}

// --- Small answers ---------------------------------------------------------------------------------

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page' }),
  });

export const MembershipAnswer = Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('requested')]) });
export const AcceptAnswer = Type.Object({ postId: Type.String(), acceptedReplyId: Nullable(Type.String()) });
export const HelpfulAnswer = Type.Object({ helpfulCount: Type.Integer(), helpful: Type.Boolean() });
export const ReportAnswer = Type.Object({ status: Type.Literal('received') });
