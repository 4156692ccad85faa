import type { ViewContext } from '../context.js';

/** A point in time, shown in Europe/Berlin, machine-readable in `datetime`. */
export function Time({ ctx, value, dateOnly = false }: { ctx: ViewContext; value: Date; dateOnly?: boolean }) {
  const absolute = ctx.fmt.dateTime(value);
  return (
    <time datetime={value.toISOString()} title={absolute}>
      {dateOnly ? ctx.fmt.date(value) : absolute}
    </time>
  );
}
