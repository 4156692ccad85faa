import type { ComponentChildren } from 'preact';

const icons = { success: 'success', info: 'info', warning: 'warning', danger: 'danger' } as const;

/** A KERN alert; status is told by icon and title text, never by colour alone. */
export function Alert({ kind, title, children }: { kind: keyof typeof icons; title: string; children?: ComponentChildren }) {
  return (
    <div class={`kern-alert kern-alert--${kind}`}>
      <div class="kern-alert__header">
        <span class={`kern-icon kern-icon--${icons[kind]}`} aria-hidden="true"></span>
        <span class="kern-title">{title}</span>
      </div>
      {children ? <div class="kern-alert__body">{children}</div> : null}
    </div>
  );
}
