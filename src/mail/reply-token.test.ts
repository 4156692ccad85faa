import { describe, expect, it } from 'vitest';
import { newId } from '../lib/ids.js';
import { readReplyAddress, replyAddress } from './reply-token.js';

const config = { sessionSecret: 'test-secret-test-secret-test-secret-1234', replyDomain: 'antwort.knotenpunkt.example' };
const postId = newId();
const userId = newId();
const otherId = newId();

describe('reply addresses', () => {
  const address = replyAddress(config, userId, postId);
  const [local, domain] = address.split('@') as [string, string];

  it('names the post and the person, signed, within the 64 characters of a local part', () => {
    expect(address).toMatch(/^antwort\+[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{14}@antwort\.knotenpunkt\.example$/);
    expect(local.length).toBeLessThanOrEqual(64);
    expect(readReplyAddress(config, address)).toEqual({ postId, userId });
    expect(replyAddress(config, userId, postId)).toBe(address);
  });

  it('reads the address in angle brackets and ignores the case of the domain', () => {
    expect(readReplyAddress(config, `<${address}>`)).toEqual({ postId, userId });
    expect(readReplyAddress(config, `${local}@${domain.toUpperCase()}`)).toEqual({ postId, userId });
    expect(readReplyAddress(config, ` ${local}@Antwort.Knotenpunkt.Example `)).toEqual({ postId, userId });
  });

  it('is different for each person and each post', () => {
    expect(replyAddress(config, otherId, postId)).not.toBe(address);
    expect(replyAddress(config, userId, otherId)).not.toBe(address);
  });

  it('refuses forged, altered and truncated addresses', () => {
    const sig = local.split('.')[2]!;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const cases = [
      // another post or person with the same signature
      `antwort+${otherId}.${userId}.${sig}@${domain}`,
      `antwort+${postId}.${otherId}.${sig}@${domain}`,
      // post and person swapped
      `antwort+${userId}.${postId}.${sig}@${domain}`,
      // one character of the signature changed (first, last)
      `antwort+${postId}.${userId}.${flip(sig, 0)}@${domain}`,
      `antwort+${postId}.${userId}.${flip(sig, 13)}@${domain}`,
      // the signature truncated, extended, missing
      `antwort+${postId}.${userId}.${sig.slice(0, 13)}@${domain}`,
      `antwort+${postId}.${userId}.${sig}A@${domain}`,
      `antwort+${postId}.${userId}.@${domain}`,
      `antwort+${postId}.${userId}@${domain}`,
      // the local part's case changed (base64url is case-sensitive)
      `${local.toLowerCase()}@${domain}`,
      `${local.toUpperCase()}@${domain}`,
      // another prefix, an extra dot, another domain, a subdomain, no domain
      `answer+${postId}.${userId}.${sig}@${domain}`,
      `antwort+${postId}.${userId}.${sig}.@${domain}`,
      `${local}@knotenpunkt.example`,
      `${local}@evil.${domain}`,
      `${local}@${domain}.evil.example`,
      local,
      `${local}@${domain}@evil.example`,
      '',
      '@',
    ];
    for (const candidate of cases) expect(readReplyAddress(config, candidate), candidate).toBeNull();
  });

  it('refuses an address signed with another secret', () => {
    const forged = replyAddress({ ...config, sessionSecret: 'another-secret-another-secret-another-1' }, userId, postId);
    expect(readReplyAddress(config, forged)).toBeNull();
  });

  it('gives another person’s valid address to that person, not to anyone else', () => {
    const others = replyAddress(config, otherId, postId);
    expect(readReplyAddress(config, others)).toEqual({ postId, userId: otherId });
  });

  it('only makes addresses for our ids', () => {
    expect(() => replyAddress(config, 'a.b', postId)).toThrow();
    expect(() => replyAddress(config, userId, 'short')).toThrow();
  });
});
