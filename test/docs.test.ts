/** What the README and the catalogues promise stays true. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { configVariables } from '../src/config.js';
import { de } from '../src/views/i18n/de.js';
import { en } from '../src/views/i18n/en.js';

const root = path.resolve(import.meta.dirname, '..');

describe('README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

  it('documents every configuration variable', () => {
    for (const v of configVariables) expect(readme).toContain(`\`${v.name}\``);
  });

  it('shows the demo and the test command', () => {
    expect(readme).toContain('npm run demo');
    expect(readme).toContain('npm test');
  });
});

describe('message catalogues', () => {
  it('have an English text for every German one, with the same placeholders', () => {
    const missing = Object.keys(de).filter((k) => !(k in en));
    expect(missing).toEqual([]);
    for (const [key, text] of Object.entries(de)) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key as keyof typeof de] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are the only place for interface text: views contain no German words outside them', () => {
    const dir = path.join(root, 'src');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    const offenders: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      // Text between tags that contains letters (JSX text), excluding expressions.
      for (const match of source.matchAll(/>\s*([A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß ,.:!?–-]{2,})\s*</g)) {
        if (!/^\s*(Knotenpunkt)?\s*$/.test(match[1]!)) offenders.push(`${file}: ${match[1]!.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
