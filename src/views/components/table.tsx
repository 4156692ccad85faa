import type { ComponentChildren } from 'preact';

/**
 * A wide table scrolls inside its own region on small screens; the region is focusable and
 * named so that keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="kp-table-wrap" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
