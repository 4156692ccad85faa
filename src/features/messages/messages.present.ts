/** Conversations and messages as the API shows them; every field listed. */
import { Type, type Static } from '@sinclair/typebox';
import type { ConversationListItem, MessageRow } from './messages.repo.js';
import { UNREAD_CAP } from './messages.repo.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const PersonOut = Type.Object({ id: Type.String(), name: Type.String() });

export const ConversationOut = Type.Object({
  id: Type.String(),
  url: Type.String(),
  otherPerson: Type.Union([PersonOut, Type.Null()], { description: 'null when the other person’s account no longer exists' }),
  lastMessageAt: Type.String({ format: 'date-time' }),
  lastMessage: Type.Union([Type.Object({ excerpt: Type.String({ description: 'The first 200 characters' }), fromMe: Type.Boolean() }), Type.Null()]),
  unreadCount: Type.Integer({ description: `Messages of the other person not read yet, counted up to ${UNREAD_CAP + 1}` }),
  canWrite: Type.Boolean({ description: 'Whether the caller may send a message now' }),
  blockedByMe: Type.Boolean({ description: 'The caller has blocked the other person' }),
});
export type ConversationOut = Static<typeof ConversationOut>;

export const MessageOut = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  author: Type.Union([PersonOut, Type.Null()], { description: 'null when the author’s account no longer exists' }),
  fromMe: Type.Boolean(),
  body: Type.String({ description: 'Plain text' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type MessageOut = Static<typeof MessageOut>;

export function presentConversation(baseUrl: URL, me: string, c: ConversationListItem): ConversationOut {
  return {
    id: c.id,
    url: new URL(`/nachrichten/${c.id}`, baseUrl).toString(),
    otherPerson: c.otherId && c.otherName ? { id: c.otherId, name: c.otherName } : null,
    lastMessageAt: c.lastMessageAt.toISOString(),
    lastMessage: c.lastBody !== null ? { excerpt: c.lastBody, fromMe: c.lastAuthorId === me } : null,
    unreadCount: c.unread,
    canWrite: c.writable,
    blockedByMe: c.blocking,
  };
}

export function presentMessage(me: string, conversationId: string, m: Pick<MessageRow, 'id' | 'authorId' | 'authorName' | 'body' | 'createdAt'>): MessageOut {
  return {
    id: m.id,
    conversationId,
    author: m.authorId && m.authorName ? { id: m.authorId, name: m.authorName } : null,
    fromMe: m.authorId === me,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
  };
}
