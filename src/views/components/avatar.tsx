/** An avatar from initials: no upload, no external service. Decorative next to the name. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function colourIndex(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 6;
}

export function Avatar({ id, name, size = 'medium' }: { id: string; name: string; size?: 'small' | 'medium' | 'large' }) {
  return (
    <span class={`kp-avatar kp-avatar--${size} kp-avatar--c${colourIndex(id)}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
