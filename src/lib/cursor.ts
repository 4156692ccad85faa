/**
 * Opaque cursors for keyset paging: the sort key of the last item shown, base64url-encoded.
 * A cursor that does not decode is treated like none (the first page), never an error page.
 */
export function encodeCursor(parts: (string | number | Date)[]): string {
  return Buffer.from(JSON.stringify(parts.map((p) => (p instanceof Date ? p.toISOString() : p)))).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: ('string' | 'date' | 'number')[]): (string | Date | number)[] | null {
  if (!cursor || cursor.length > 400) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== shape.length) return null;
    const out: (string | Date | number)[] = [];
    for (const [i, kind] of shape.entries()) {
      const value: unknown = parsed[i];
      if (kind === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) return null;
        out.push(value);
      } else if (typeof value !== 'string' || value.length > 200) return null;
      else if (kind === 'date') {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) return null;
        out.push(date);
      } else out.push(value);
    }
    return out;
  } catch {
    return null;
  }
}
