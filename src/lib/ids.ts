import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';

/** An opaque id for URLs: 96 random bits, base64url, so ids reveal neither order nor counts. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A secret for links and tokens: 256 random bits. Only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
