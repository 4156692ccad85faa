/** Addresses of communities, posts and replies as they appear in paths: one schema each, for pages and API. */
import { Type } from '@sinclair/typebox';

export const Slug = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
export const Id = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
export const SlugParams = Type.Object({ slug: Slug });
export const IdParams = Type.Object({ id: Id });
