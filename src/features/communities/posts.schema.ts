/** The post and reply forms: one TypeBox schema each, shared by the page forms. */
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { normaliseEmail } from '../../lib/email.js';
import { findUserByEmail, findUserById } from '../accounts/accounts.repo.js';
import type { PostInput } from './posts.service.js';
import { Id } from './communities.schema.js';

export const PostTypeSchema = Type.Union([Type.Literal('discussion'), Type.Literal('question'), Type.Literal('example'), Type.Literal('announcement')], { errorMessage: 'post.error.type' });
export const ExampleStatusSchema = Type.Union([Type.Literal('idea'), Type.Literal('pilot'), Type.Literal('operation')], { errorMessage: 'example.error.status' });

export const PostForm = Type.Object({
  type: PostTypeSchema,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  tags: Type.Optional(Type.String({ maxLength: 300 })),
  problem: Type.Optional(Type.String({ maxLength: 5000 })),
  solution: Type.Optional(Type.String({ maxLength: 5000 })),
  status: Type.Optional(ExampleStatusSchema),
  contactId: Type.Optional(Type.String({ maxLength: 254 })),
  materials: Type.Optional(Type.String({ maxLength: 5000 })),
  reuse: Type.Optional(Type.String({ maxLength: 5000 })),
});
export type PostForm = Static<typeof PostForm>;

export const ReplyForm = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 20000 }),
  quoteReplyId: Type.Optional(Id),
});

/** The contact person is typed as an e-mail address (or a profile id); the answer is a user id. The service checks who may be one. */
export async function resolveContact(db: Kysely<DB>, value: string | undefined): Promise<string | null> {
  if (!value) return null;
  const address = value.includes('@') ? normaliseEmail(value)?.address : undefined;
  const person = value.includes('@') ? (address ? await findUserByEmail(db, address) : undefined) : await findUserById(db, value);
  if (!person) throw new AppError('validation_failed', { contactId: 'post.error.contact' });
  return person.id;
}

export function postInputFromForm(form: PostForm, contactId: string | null): PostInput {
  return {
    type: form.type,
    title: form.title,
    body: form.body,
    tags: form.tags ?? '',
    example:
      form.type === 'example'
        ? { problem: form.problem ?? '', solution: form.solution ?? '', status: form.status ?? 'idea', contactId, materials: form.materials ?? '', reuse: form.reuse ?? '' }
        : undefined,
  };
}
