import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../context.js';
import type { MessageKey } from '../i18n/index.js';

/** A KERN description list of facts: label (from the catalogue) and value. */
export function Facts({ ctx, items }: { ctx: ViewContext; items: [MessageKey, ComponentChildren][] }) {
  return (
    <dl class="kern-description-list">
      {items.map(([label, value]) => (
        <div class="kern-description-list-item" key={label}>
          <dt class="kern-description-list-item__key">{ctx.t(label)}</dt>
          <dd class="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
