/** Barcamp pages: programme, session proposal and edit, session with documentation, plan, live. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { ActionButton, CheckboxField, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, fieldId, type FormState } from '../../views/components/forms.js';
import { Facts } from '../../views/components/facts.js';
import { TableWrap } from '../../views/components/table.js';
import { Time } from '../../views/components/time.js';
import type { MessageKey } from '../../views/i18n/index.js';
import type { SessionFormat } from '../../db/schema.js';
import type { EventRow } from './events.repo.js';
import type { Host, RoomRow, SessionDetail, SessionRow, SlotRow } from './barcamp.repo.js';
import { slotLabel, slotTimes, toBerlin, type Schedule, type ScheduleEntry } from './barcamp.service.js';

export const formats: readonly SessionFormat[] = ['talk', 'discussion', 'workshop', 'other'];

const base = (event: { id: string }) => `/veranstaltungen/${event.id}`;

function crumbs(ctx: ViewContext, event: EventRow, ...rest: Crumb[]): Crumb[] {
  return [{ label: ctx.t('nav.home'), href: '/' }, { label: ctx.t('barcamp.crumb.events'), href: '/veranstaltungen' }, { label: event.title, href: base(event) }, ...rest];
}

function Styles() {
  return <link rel="stylesheet" href="/assets/css/programme.css" />;
}

function Prose({ html }: { html: string }) {
  return <div class="kp-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function HostNames({ ctx, hosts }: { ctx: ViewContext; hosts: Host[] }) {
  if (hosts.length === 0) return null;
  return <span class="kp-hosts">{ctx.t('barcamp.session.hostsLine', { names: hosts.map((h) => h.name).join(', ') })}</span>;
}

/** The toggle; its name includes the session's title, so that a list of them is told apart. */
function InterestButton({ ctx, event, session, next }: { ctx: ViewContext; event: EventRow; session: SessionRow; next: string }) {
  return (
    <form method="post" action={`${base(event)}/sessions/${session.id}/interesse`} class="kp-inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="interest" value={session.interested ? 'off' : 'on'} />
      <input type="hidden" name="next" value={next} />
      <button class={`kern-btn kern-btn--${session.interested ? 'tertiary' : 'secondary'}`} type="submit">
        <span class="kern-label">{ctx.t(session.interested ? 'barcamp.interest.remove' : 'barcamp.interest.add')}</span>
        <span class="kern-sr-only">{ctx.t('barcamp.interest.forSession', { title: session.title })}</span>
      </button>
    </form>
  );
}

function InterestCount({ ctx, session }: { ctx: ViewContext; session: SessionRow }) {
  return (
    <span class="kern-body kern-body--small">
      {session.interestCount === 1 ? ctx.t('barcamp.interest.countOne') : ctx.t('barcamp.interest.count', { count: ctx.fmt.number(session.interestCount) })}
      {session.interested ? ` · ${ctx.t('barcamp.interest.yours')}` : ''}
    </span>
  );
}

// --- The grid -------------------------------------------------------------------------------------

export function PlanGrid({ ctx, event, schedule, caption, dnd = false }: { ctx: ViewContext; event: EventRow; schedule: Schedule; caption: string; dnd?: boolean }) {
  const { t } = ctx;
  const at = (roomId: string, slotId: string) => schedule.entries.find((e) => e.roomId === roomId && e.slotId === slotId);
  return (
    <TableWrap label={caption}>
      <table class="kern-table kp-plan-grid">
        <caption>{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th class="kern-table__cell" scope="col">{t('barcamp.grid.time')}</th>
            {schedule.rooms.map((r) => (
              <th class="kern-table__cell" scope="col" key={r.id}>
                {r.name}
                <span class="kp-room-capacity">{t('barcamp.room.capacityShort', { count: ctx.fmt.number(r.capacity) })}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {schedule.slots.map((s) => (
            <tr class="kern-table__row" key={s.id}>
              <th class="kern-table__cell" scope="row">{slotLabel(ctx.lang, s)}</th>
              {schedule.rooms.map((r) => {
                const entry = at(r.id, s.id);
                return (
                  <td class="kern-table__cell" key={r.id} data-cell={dnd ? cellValue(r.id, s.id) : undefined}>
                    {entry ? (
                      <>
                        <a class="kern-link" href={`${base(event)}/sessions/${entry.sessionId}`} data-session={dnd ? entry.sessionId : undefined}>{entry.title}</a>
                        {entry.hosts.length ? <br /> : null}
                        <HostNames ctx={ctx} hosts={entry.hosts} />
                      </>
                    ) : (
                      <span class="kp-muted">{t('barcamp.grid.free')}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

// --- Programme -------------------------------------------------------------------------------------

export interface ProgrammeData {
  event: EventRow;
  sessions: SessionRow[];
  schedule: Schedule;
  can: { propose: boolean; participate: boolean; manage: boolean; seeHosts: boolean };
}

export function ProgrammePage({ ctx, d }: { ctx: ViewContext; d: ProgrammeData }) {
  const { t } = ctx;
  const { event } = d;
  const title = t('barcamp.programme.title', { event: event.title });
  const path = `${base(event)}/programm`;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, event, { label: t('barcamp.programme.crumb') })}>
      <Styles />
      <PageHeading title={title} lead={t('barcamp.programme.lead')} />
      <ul class="kern-list kp-actions">
        {d.can.propose ? (
          <li>
            <a class="kern-btn kern-btn--primary" href={`${path}/neu`}>
              <span class="kern-label">{t('barcamp.propose.action')}</span>
            </a>
          </li>
        ) : null}
        {d.can.manage ? (
          <li>
            <a class="kern-link" href={`${base(event)}/plan`}>{t('barcamp.plan.link')}</a>
          </li>
        ) : null}
        <li>
          <a class="kern-link" href={`${base(event)}/live`}>{t('barcamp.live.link')}</a>
        </li>
      </ul>

      <section class="kp-section" aria-labelledby="plan">
        <h2 class="kern-heading-medium" id="plan">{t('barcamp.programme.planHeading')}</h2>
        {d.schedule.draft ? <Alert kind="info" title={t('barcamp.programme.draftNotice')} /> : null}
        {d.schedule.published || d.schedule.draft ? (
          d.schedule.rooms.length && d.schedule.slots.length ? (
            <PlanGrid ctx={ctx} event={event} schedule={d.schedule} caption={d.schedule.draft ? t('barcamp.grid.captionDraft') : t('barcamp.grid.caption')} />
          ) : (
            <p class="kern-body">{t('barcamp.grid.empty')}</p>
          )
        ) : (
          <p class="kern-body">{t('barcamp.programme.notPublished')}</p>
        )}
      </section>

      <section class="kp-section" aria-labelledby="proposals">
        <h2 class="kern-heading-medium" id="proposals">{t('barcamp.programme.proposalsHeading')}</h2>
        <p class="kern-body">{d.sessions.length === 1 ? t('barcamp.programme.countOne') : t('barcamp.programme.count', { count: ctx.fmt.number(d.sessions.length) })}</p>
        {d.sessions.length === 0 ? (
          <p class="kern-body">{d.can.propose ? t('barcamp.programme.emptyCanPropose') : t('barcamp.programme.empty')}</p>
        ) : (
          <ul class="kp-result-list">
            {d.sessions.map((s) => (
              <li class="kp-result" key={s.id}>
                <h3 class="kern-heading-small">
                  <a class="kern-link" href={`${base(event)}/sessions/${s.id}`}>{s.title}</a>
                </h3>
                <p class="kern-body kern-body--small">
                  {t(`barcamp.format.${s.format}` as MessageKey)}
                  {s.expectedSize ? ` · ${t('barcamp.session.expected', { count: ctx.fmt.number(s.expectedSize) })}` : ''}
                  {d.can.seeHosts && s.hosts.length ? ' · ' : ''}
                  {d.can.seeHosts ? <HostNames ctx={ctx} hosts={s.hosts} /> : null}
                </p>
                <div class="kp-actions">
                  <InterestCount ctx={ctx} session={s} />
                  {d.can.participate ? <InterestButton ctx={ctx} event={event} session={s} next={`${path}#proposals`} /> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

// --- Proposal and edit form -------------------------------------------------------------------------

const sessionLabels: Record<string, MessageKey> = {
  title: 'barcamp.field.title',
  description: 'barcamp.field.description',
  format: 'barcamp.field.format',
  expectedSize: 'barcamp.field.expectedSize',
  coHosts: 'barcamp.field.coHosts',
};

export function SessionFormPage({ ctx, form, event, editing }: { ctx: ViewContext; form: FormState; event: EventRow; editing: { id: string; title: string } | null }) {
  const { t } = ctx;
  const title = editing ? t('barcamp.edit.title') : t('barcamp.propose.title');
  const action = editing ? `${base(event)}/sessions/${editing.id}/bearbeiten` : `${base(event)}/programm/neu`;
  const trail: Crumb[] = [{ label: t('barcamp.programme.crumb'), href: `${base(event)}/programm` }];
  if (editing) trail.push({ label: editing.title, href: `${base(event)}/sessions/${editing.id}` });
  trail.push({ label: title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, event, ...trail)}>
      <PageHeading title={title} lead={editing ? undefined : t('barcamp.propose.lead')} />
      <ErrorSummary ctx={ctx} form={form} labels={editing ? { ...sessionLabels, coHosts: 'barcamp.field.hosts' } : sessionLabels} />
      <form method="post" action={action} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="title" label="barcamp.field.title" hint="barcamp.field.titleHint" maxLength={200} required />
        <TextArea ctx={ctx} form={form} name="description" label="barcamp.field.description" hint="barcamp.field.descriptionHint" maxLength={5000} rows={6} />
        <SelectField ctx={ctx} form={form} name="format" label="barcamp.field.format" options={formats.map((f) => ({ value: f, label: t(`barcamp.format.${f}` as MessageKey) }))} required />
        <TextField ctx={ctx} form={form} name="expectedSize" label="barcamp.field.expectedSize" hint="barcamp.field.expectedSizeHint" maxLength={5} />
        <TextField ctx={ctx} form={form} name="coHosts" label={editing ? 'barcamp.field.hosts' : 'barcamp.field.coHosts'} hint={editing ? 'barcamp.field.hostsHint' : 'barcamp.field.coHostsHint'} maxLength={1000} />
        {editing ? <CheckboxField ctx={ctx} form={form} name="withdrawn" label="barcamp.field.withdrawn" hint="barcamp.field.withdrawnHint" /> : null}
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={editing ? 'barcamp.edit.save' : 'barcamp.propose.submit'} />
        </div>
      </form>
    </Layout>
  );
}

// --- A session ------------------------------------------------------------------------------------

export interface SessionPageData {
  event: EventRow;
  session: SessionDetail;
  notesHtml: string;
  place: { room: RoomRow; slot: SlotRow } | null;
  can: { edit: boolean; participate: boolean; notes: boolean; seeHosts: boolean };
  /** Someone else saved the notes meanwhile: their text, shown beside the user's kept text. */
  conflict: { notesHtml: string; version: number; updatedAt: Date | null; updatedByName: string | null } | null;
  form: FormState;
}

export function SessionPage({ ctx, d }: { ctx: ViewContext; d: SessionPageData }) {
  const { t } = ctx;
  const { event, session } = d;
  const path = `${base(event)}/sessions/${session.id}`;
  const notesValue = typeof d.form.values.notes === 'string' ? d.form.values.notes : session.notes;
  const version = d.conflict ? d.conflict.version : session.notesVersion;
  return (
    <Layout ctx={ctx} title={session.title} crumbs={crumbs(ctx, event, { label: t('barcamp.programme.crumb'), href: `${base(event)}/programm` }, { label: session.title })}>
      <Styles />
      <PageHeading title={session.title} />
      {session.withdrawnAt ? <Alert kind="warning" title={t('barcamp.session.withdrawn')} /> : null}
      <Facts
        ctx={ctx}
        items={[
          ['barcamp.field.format', t(`barcamp.format.${session.format}` as MessageKey)],
          ...(d.can.seeHosts ? ([['barcamp.field.hosts', session.hosts.map((h) => h.name).join(', ') || '–']] as [MessageKey, ComponentChildren][]) : []),
          ['barcamp.session.place', d.place ? t('barcamp.session.placeValue', { room: d.place.room.name, time: slotLabel(ctx.lang, d.place.slot) }) : t('barcamp.session.notPlaced')],
          ['barcamp.field.expectedSize', session.expectedSize ? ctx.fmt.number(session.expectedSize) : '–'],
        ]}
      />
      {session.description ? <p class="kern-body kp-preline">{session.description}</p> : null}
      <div class="kp-actions">
        <InterestCount ctx={ctx} session={session} />
        {d.can.participate && !session.withdrawnAt ? <InterestButton ctx={ctx} event={event} session={session} next={path} /> : null}
        {d.can.edit ? (
          <a class="kern-link" href={`${path}/bearbeiten`}>{t('barcamp.edit.link')}</a>
        ) : null}
      </div>

      {d.can.seeHosts ? (
        <section class="kp-section" aria-labelledby="documentation">
          <h2 class="kern-heading-medium" id="documentation">{t('barcamp.doc.heading')}</h2>
          {session.documentationPostId ? (
            <p class="kern-body">
              <a class="kern-link" href={`/beitraege/${session.documentationPostId}`}>{t('barcamp.doc.publishedLink')}</a>
            </p>
          ) : null}
          {d.conflict ? null : session.notes ? (
            <>
              <Prose html={d.notesHtml} />
              {session.notesUpdatedAt ? (
                <p class="kern-body kern-body--small">
                  {t('barcamp.doc.lastSaved', { name: session.notesUpdatedByName ?? t('barcamp.formerMember'), version: session.notesVersion })} <Time ctx={ctx} value={session.notesUpdatedAt} />
                </p>
              ) : null}
            </>
          ) : (
            <p class="kern-body">{t('barcamp.doc.empty')}</p>
          )}
          {d.can.notes ? (
            <>
              <h3 class="kern-heading-small" id="notes-form">{t('barcamp.doc.editHeading')}</h3>
              {d.conflict ? (
                <div id="notes-conflict">
                  <Alert kind="warning" title={t('barcamp.doc.conflictTitle')}>
                    <p class="kern-body">
                      {t('barcamp.doc.conflictBody', { name: d.conflict.updatedByName ?? t('barcamp.formerMember'), version: d.conflict.version })}
                    </p>
                  </Alert>
                  <h4 class="kern-heading-x-small">{t('barcamp.doc.theirVersion', { version: d.conflict.version })}</h4>
                  <Prose html={d.conflict.notesHtml} />
                </div>
              ) : null}
              <ErrorSummary ctx={ctx} form={d.form} labels={{ notes: 'barcamp.field.notes' }} />
              <form method="post" action={`${path}/notizen`} class="kp-form" novalidate>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="version" value={String(version)} />
                <TextArea ctx={ctx} form={{ values: { notes: notesValue }, errors: d.form.errors }} name="notes" label="barcamp.field.notes" hint="barcamp.field.notesHint" maxLength={50000} rows={14} />
                <SubmitButton ctx={ctx} label="barcamp.doc.save" />
              </form>
            </>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

// --- The plan (organisers) ----------------------------------------------------------------------------

export interface PlanPageData {
  event: EventRow;
  rooms: RoomRow[];
  slots: SlotRow[];
  sessions: (SessionRow & { size: number })[];
  schedule: Schedule;
  canPublishDocs: boolean;
  docsNeedCommunity: boolean;
  documented: number;
  form: FormState;
}

const planLabels: Record<string, MessageKey> = {
  name: 'barcamp.room.name',
  capacity: 'barcamp.room.capacity',
  date: 'barcamp.slot.date',
  from: 'barcamp.slot.from',
  to: 'barcamp.slot.to',
};

function PlainInput({ id, name, label, value, type = 'text' }: { id: string; name: string; label: string; value: string; type?: 'text' | 'date' | 'time' | 'number' }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>{label}</label>
      <input class="kern-form-input__input" id={id} name={name} type={type} value={value} />
    </div>
  );
}

/** One session's cell: a select of "Raum · Zeit", labelled with the session's title. */
function CellSelect({ ctx, name, label, value, options, error }: { ctx: ViewContext; name: string; label: string; value: string; options: { value: string; label: string }[]; error?: { key: MessageKey; params?: Record<string, string | number> } }) {
  const id = fieldId(name);
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>{label}</label>
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span>{ctx.t(error.key, error.params)}</span>
        </p>
      ) : null}
      <div class="kern-form-input__select-wrapper">
        <select class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`} id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function FormInput({ ctx, form, name, label, type, hint }: { ctx: ViewContext; form: FormState; name: string; label: MessageKey; type: 'text' | 'date' | 'time' | 'number'; hint?: MessageKey }) {
  const error = form.errors[name];
  const value = form.values[name];
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={fieldId(name)}>{ctx.t(label)}</label>
      {hint ? <div class="kern-hint" id={`${fieldId(name)}-hint`}>{ctx.t(hint)}</div> : null}
      {error ? (
        <p class="kern-error" id={`${fieldId(name)}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span>{ctx.t(error.key, error.params)}</span>
        </p>
      ) : null}
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(name)}
        name={name}
        type={type}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={ids}
      />
    </div>
  );
}

export function cellValue(roomId: string, slotId: string): string {
  return `${roomId}:${slotId}`;
}

export function PlanPage({ ctx, d }: { ctx: ViewContext; d: PlanPageData }) {
  const { t } = ctx;
  const { event, form } = d;
  const path = `${base(event)}/plan`;
  const title = t('barcamp.plan.title');
  const published = Boolean(event.planPublishedAt);
  const cellOptions = d.slots.flatMap((s) => d.rooms.map((r) => ({ value: cellValue(r.id, s.id), label: t('barcamp.plan.cellOption', { room: r.name, capacity: ctx.fmt.number(r.capacity), time: slotLabel(ctx.lang, s) }) })));
  const formErrors = Object.entries(form.errors);
  const linkable = (name: string) => name in planLabels || (name.startsWith('cell_') && d.sessions.some((s) => `cell_${s.id}` === name));
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, event, { label: t('barcamp.programme.crumb'), href: `${base(event)}/programm` }, { label: title })}>
      <Styles />
      <PageHeading title={title} lead={t('barcamp.plan.lead', { event: event.title })} />
      {formErrors.length ? (
        <div class="kern-alert kern-alert--danger kp-error-summary" role="alert" tabindex={-1} id="error-summary">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
            <span class="kern-title">{t('form.summaryTitle')}</span>
          </div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {formErrors.map(([name, e]) =>
                linkable(name) ? (
                  <li key={name}>
                    <a class="kern-link" href={`#${fieldId(name)}`}>
                      {planLabels[name] ? `${t(planLabels[name])}: ` : ''}
                      {t(e.key, e.params)}
                    </a>
                  </li>
                ) : (
                  <li key={name}>{t(e.key, e.params)}</li>
                ),
              )}
            </ul>
          </div>
        </div>
      ) : null}
      <p class="kern-body">
        {published ? t('barcamp.plan.statusPublished') : t('barcamp.plan.statusDraft')}
        {event.planPublishedAt ? <> <Time ctx={ctx} value={event.planPublishedAt} /></> : null}
      </p>

      <section class="kp-section" aria-labelledby="rooms">
        <h2 class="kern-heading-medium" id="rooms">{t('barcamp.room.heading')}</h2>
        {d.rooms.length === 0 ? <p class="kern-body">{t('barcamp.room.empty')}</p> : null}
        <ul class="kp-result-list">
          {d.rooms.map((r) => (
            <li class="kp-result" key={r.id}>
              <form method="post" action={`${path}/raeume/${r.id}`}>
                <CsrfField ctx={ctx} />
                <fieldset class="kp-row-form">
                  <legend class="kern-sr-only">{r.name}</legend>
                  <PlainInput id={`room-${r.id}-name`} name="roomName" label={t('barcamp.room.name')} value={r.name} />
                  <PlainInput id={`room-${r.id}-capacity`} name="roomCapacity" label={t('barcamp.room.capacity')} value={String(r.capacity)} type="number" />
                  <SubmitButton ctx={ctx} label="barcamp.room.save" variant="secondary" />
                </fieldset>
              </form>
              <ActionButton ctx={ctx} action={`${path}/raeume/${r.id}/loeschen`} label="barcamp.room.delete" variant="tertiary" />
            </li>
          ))}
        </ul>
        <h3 class="kern-heading-small">{t('barcamp.room.addHeading')}</h3>
        <form method="post" action={`${path}/raeume`} class="kp-row-form" novalidate>
          <CsrfField ctx={ctx} />
          <FormInput ctx={ctx} form={form} name="name" label="barcamp.room.name" type="text" />
          <FormInput ctx={ctx} form={form} name="capacity" label="barcamp.room.capacity" type="number" />
          <SubmitButton ctx={ctx} label="barcamp.room.add" />
        </form>
      </section>

      <section class="kp-section" aria-labelledby="slots">
        <h2 class="kern-heading-medium" id="slots">{t('barcamp.slot.heading')}</h2>
        <p class="kern-body kern-body--small">{t('barcamp.slot.timezone')}</p>
        {d.slots.length === 0 ? <p class="kern-body">{t('barcamp.slot.empty')}</p> : null}
        <ul class="kp-result-list">
          {d.slots.map((s) => {
            const from = toBerlin(s.startsAt);
            const to = toBerlin(s.endsAt);
            return (
              <li class="kp-result" key={s.id}>
                <form method="post" action={`${path}/zeitfenster/${s.id}`}>
                  <CsrfField ctx={ctx} />
                  <fieldset class="kp-row-form">
                    <legend class="kern-sr-only">{slotLabel(ctx.lang, s)}</legend>
                    <PlainInput id={`slot-${s.id}-date`} name="slotDate" label={t('barcamp.slot.date')} value={from.date} type="date" />
                    <PlainInput id={`slot-${s.id}-from`} name="slotFrom" label={t('barcamp.slot.from')} value={from.time} type="time" />
                    <PlainInput id={`slot-${s.id}-to`} name="slotTo" label={t('barcamp.slot.to')} value={to.time} type="time" />
                    <SubmitButton ctx={ctx} label="barcamp.slot.save" variant="secondary" />
                  </fieldset>
                </form>
                <ActionButton ctx={ctx} action={`${path}/zeitfenster/${s.id}/loeschen`} label="barcamp.slot.delete" variant="tertiary" />
              </li>
            );
          })}
        </ul>
        <h3 class="kern-heading-small">{t('barcamp.slot.addHeading')}</h3>
        <form method="post" action={`${path}/zeitfenster`} class="kp-row-form" novalidate>
          <CsrfField ctx={ctx} />
          <FormInput ctx={ctx} form={form} name="date" label="barcamp.slot.date" type="date" hint="barcamp.slot.dateHint" />
          <FormInput ctx={ctx} form={form} name="from" label="barcamp.slot.from" type="time" hint="barcamp.slot.timeHint" />
          <FormInput ctx={ctx} form={form} name="to" label="barcamp.slot.to" type="time" hint="barcamp.slot.timeHint" />
          <SubmitButton ctx={ctx} label="barcamp.slot.add" />
        </form>
      </section>

      <section class="kp-section" aria-labelledby="placements">
        <h2 class="kern-heading-medium" id="placements">{t('barcamp.plan.placementsHeading')}</h2>
        {published ? null : (
          <>
            <p class="kern-body">{t('barcamp.plan.draftHint')}</p>
            <ActionButton ctx={ctx} action={`${path}/entwurf`} label="barcamp.plan.generate" variant="secondary" />
          </>
        )}
        {d.schedule.rooms.length && d.schedule.slots.length ? (
          <div data-plan-grid>
            <PlanGrid ctx={ctx} event={event} schedule={d.schedule} caption={published ? t('barcamp.grid.caption') : t('barcamp.grid.captionDraft')} dnd />
          </div>
        ) : null}
        {d.sessions.length === 0 ? (
          <p class="kern-body">{t('barcamp.programme.empty')}</p>
        ) : (
          <form method="post" action={path} class="kp-form kp-placements" novalidate data-placements>
            <CsrfField ctx={ctx} />
            <p class="kern-body kern-body--small" id="placements-hint">{published ? t('barcamp.plan.adjustHintPublished') : t('barcamp.plan.adjustHint')}</p>
            {d.sessions.map((s) => {
              const name = `cell_${s.id}`;
              const current = s.roomId && s.slotId ? cellValue(s.roomId, s.slotId) : '';
              const value = typeof form.values[name] === 'string' ? (form.values[name] as string) : current;
              return (
                <div class="kp-placement" key={s.id} data-session={s.id} data-title={s.title}>
                  <CellSelect
                    ctx={ctx}
                    name={name}
                    label={t('barcamp.plan.cellLabel', { title: s.title, size: ctx.fmt.number(s.size) })}
                    value={value}
                    error={form.errors[name]}
                    options={[{ value: '', label: t('barcamp.plan.unplaced') }, ...cellOptions]}
                  />
                </div>
              );
            })}
            <div class="kern-btn-wrapper">
              <SubmitButton ctx={ctx} label="barcamp.plan.save" />
            </div>
            <p class="kern-sr-only" role="status" id="placements-status"></p>
          </form>
        )}
        {published ? null : <ActionButton ctx={ctx} action={`${path}/veroeffentlichen`} label="barcamp.plan.publish" variant="primary" />}
      </section>

      <section class="kp-section" aria-labelledby="docs">
        <h2 class="kern-heading-medium" id="docs">{t('barcamp.doc.publishHeading')}</h2>
        {d.docsNeedCommunity ? (
          <p class="kern-body">{t('barcamp.doc.noCommunity')}</p>
        ) : d.canPublishDocs ? (
          <>
            <p class="kern-body">{t('barcamp.doc.publishHint', { count: ctx.fmt.number(d.documented) })}</p>
            <ActionButton ctx={ctx} action={`${base(event)}/dokumentation/veroeffentlichen`} label="barcamp.doc.publish" variant="primary" />
          </>
        ) : (
          <p class="kern-body">{t('barcamp.doc.afterEvent')}</p>
        )}
      </section>
      <script type="module" src="/assets/js/programme.js"></script>
    </Layout>
  );
}

// --- Live -------------------------------------------------------------------------------------------

export interface LiveData {
  event: EventRow;
  published: boolean;
  rooms: RoomRow[];
  current: { slot: SlotRow; entries: ScheduleEntry[] } | null;
  next: { slot: SlotRow; entries: ScheduleEntry[] } | null;
  now: Date;
}

function LiveSlot({ ctx, event, heading, id, block, rooms, empty }: { ctx: ViewContext; event: EventRow; heading: string; id: string; block: LiveData['current']; rooms: RoomRow[]; empty: string }) {
  return (
    <section class="kp-live__slot" aria-labelledby={id}>
      <h2 class="kp-live__heading" id={id}>
        {heading}
        {block ? <span class="kp-live__time">{slotTimes(ctx.lang, block.slot)}</span> : null}
      </h2>
      {block && block.entries.length ? (
        <ul class="kp-live__list">
          {block.entries.map((e) => (
            <li class="kp-live__item" key={e.sessionId}>
              <span class="kp-live__room">{rooms.find((r) => r.id === e.roomId)?.name ?? ''}</span>
              <a class="kp-live__title" href={`${base(event)}/sessions/${e.sessionId}`}>{e.title}</a>
              <HostNames ctx={ctx} hosts={e.hosts} />
            </li>
          ))}
        </ul>
      ) : (
        <p class="kp-live__empty">{empty}</p>
      )}
    </section>
  );
}

export function LivePage({ ctx, d }: { ctx: ViewContext; d: LiveData }) {
  const { t } = ctx;
  const title = t('barcamp.live.title', { event: d.event.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, d.event, { label: t('barcamp.live.crumb') })}>
      <Styles />
      <div class="kp-live" data-live>
        <h1 class="kp-live__h1">{title}</h1>
        <p class="kp-live__clock">
          {t('barcamp.live.asOf')} <Time ctx={ctx} value={d.now} />
        </p>
        {d.published ? (
          <>
            <LiveSlot ctx={ctx} event={d.event} heading={t('barcamp.live.now')} id="jetzt" block={d.current} rooms={d.rooms} empty={t('barcamp.live.nothingNow')} />
            <LiveSlot ctx={ctx} event={d.event} heading={t('barcamp.live.next')} id="danach" block={d.next} rooms={d.rooms} empty={t('barcamp.live.nothingNext')} />
          </>
        ) : (
          <p class="kp-live__empty">{t('barcamp.live.notPublished')}</p>
        )}
        <p class="kern-body">
          <a class="kern-link" href={`${base(d.event)}/programm`}>{t('barcamp.live.programmeLink')}</a>
        </p>
        <p class="kern-body kern-body--small">{t('barcamp.live.refreshHint')}</p>
      </div>
    </Layout>
  );
}
