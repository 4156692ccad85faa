/**
 * Normalising e-mail addresses before they are compared with the organisation directory.
 * Attackers try mixed case, Unicode look-alikes, percent-encoding, quoted local parts,
 * comments, trailing dots and internationalised domains to pass as someone else's domain.
 * We accept only a conservative dot-atom local part and an LDH domain (after IDNA
 * conversion to punycode), and compare domains exactly, never by substring.
 */
import { domainToASCII } from 'node:url';

// RFC 5321 dot-atom without the rarely used specials that enable tricks: no quotes, no
// percent, no backslash, no comments, no "!" or "%" routing, no "@" inside.
const LOCAL_PART = /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export interface NormalisedEmail {
  address: string;
  local: string;
  domain: string;
}

/** Returns the normalised address, or null if it is not an address we accept. */
export function normaliseEmail(input: string): NormalisedEmail | null {
  const value = input.trim();
  if (value.length === 0 || value.length > 254) return null;
  // Reject control characters, whitespace inside, and anything that is not printable.
  if (/[\s\p{C}]/u.test(value)) return null;
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return null;
  const local = value.slice(0, at);
  const rawDomain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  if (rawDomain.endsWith('.') || rawDomain.startsWith('.') || rawDomain.includes('%')) return null;
  // NFKC folds compatibility forms (e.g. full-width letters) before IDNA; look-alikes from
  // other scripts stay distinct and become an xn-- label that matches no directory domain.
  const ascii = domainToASCII(rawDomain.normalize('NFKC').toLowerCase());
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return null;
  const normalisedLocal = local.toLowerCase();
  return { address: `${normalisedLocal}@${ascii}`, local: normalisedLocal, domain: ascii };
}

/** Normalises a domain typed by the office (e.g. "Musterstadt.Example" or "bücher.example"). */
export function normaliseDomain(input: string): string | null {
  const parsed = normaliseEmail(`x@${input.trim().replace(/^@/, '')}`);
  return parsed ? parsed.domain : null;
}

/** The candidate directory domains for an address: the domain and, for subdomains, each parent. */
export function domainCandidates(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}
