import { describe, expect, it } from 'vitest';
import { domainCandidates, normaliseDomain, normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it('lower-cases and keeps ordinary addresses', () => {
    expect(normaliseEmail('  Erika.Muster@MusterStadt.Example ')).toEqual({ address: 'erika.muster@musterstadt.example', local: 'erika.muster', domain: 'musterstadt.example' });
    expect(normaliseEmail('a+tag@stadt.example')?.domain).toBe('stadt.example');
  });

  it.each([
    ['"evil@attacker.example"@musterstadt.example', 'quoted local part'],
    ['evil%40attacker.example@musterstadt.example', 'percent in local part'],
    ['evil@musterstadt%2Eexample', 'percent-encoded domain'],
    ['evil@musterstadt.example.', 'trailing dot'],
    ['evil@musterstadt.example@attacker.example', 'two @'],
    ['evil@attacker.example(musterstadt.example)', 'comment'],
    ['evil@musterstadt .example', 'space'],
    ['evil\u0000@musterstadt.example', 'control character'],
    ['evil@musterstadt.example\u200b', 'zero-width space'],
    ['evil@127.0.0.1', 'address literal'],
    ['evil@localhost', 'single label'],
    ['', 'empty'],
    [`${'a'.repeat(65)}@musterstadt.example`, 'local part too long'],
  ])('refuses %s (%s)', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });

  it('turns look-alike letters from other scripts into a different (punycode) domain', () => {
    const cyrillic = normaliseEmail('evil@musterst\u0430dt.example');
    expect(cyrillic?.domain).not.toBe('musterstadt.example');
    expect(cyrillic?.domain.startsWith('xn--')).toBe(true);
  });

  it('converts internationalised domains to their ASCII form', () => {
    expect(normaliseEmail('info@bücherei.example')?.domain).toBe('xn--bcherei-n2a.example');
  });
});

describe('domains', () => {
  it('normalises what the office types', () => {
    expect(normaliseDomain('@Musterstadt.Example')).toBe('musterstadt.example');
    expect(normaliseDomain('not a domain')).toBeNull();
  });

  it('lists the address domain and its parents, never a bare top-level domain', () => {
    expect(domainCandidates('a.b.musterstadt.example')).toEqual(['a.b.musterstadt.example', 'b.musterstadt.example', 'musterstadt.example']);
  });
});
