import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Titel\n\n**fett** und *kursiv*\n\n- eins\n- zwei\n\n[Link](https://example.org)');
    expect(html).toContain('<h3>Titel</h3>');
    expect(html).toContain('<strong>fett</strong>');
    expect(html).toContain('<li>eins</li>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">Link</a>');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /onerror|<img/i],
    ['[klick](javascript:alert(1))', /javascript:/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript:/i],
    ['<svg onload=alert(1)><circle/></svg>', /<svg|onload/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<p style="background:url(https://evil.example)">x</p>', /style=|evil/i],
    ['<a href="//evil.example">x</a>', /href="\/\/evil/i],
    ['<object data="x"></object><embed src="y">', /<object|<embed/i],
    ['<form action="https://evil.example"><input></form>', /<form|<input/i],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', /data:/i],
  ])('renders %s harmless', (payload, forbidden) => {
    expect(renderMarkdown(payload)).not.toMatch(forbidden);
  });

  it('turns remote images into links and never loads them', () => {
    const html = renderMarkdown('![Diagramm](https://cdn.example/bild.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://cdn.example/bild.png" rel="nofollow ugc noopener">Diagramm</a>');
  });

  it('caps oversize input', () => {
    expect(renderMarkdown('a'.repeat(1_000_000)).length).toBeLessThan(25_000);
  });

  it('gives the same safe HTML from its cache, also after old entries were evicted', () => {
    const first = renderMarkdown('Erster **Text** <script>x()</script>');
    for (let i = 0; i < 450; i++) renderMarkdown(`${i} `.repeat(5000));
    expect(renderMarkdown('Erster **Text** <script>x()</script>')).toBe(first);
    expect(first).toContain('<strong>Text</strong>');
    expect(first).not.toContain('<script');
  });
});
