/** Pages of events: list, event (also the public page), form, participants, check-in list, calendar, certificate check. */
import { berlinDayAndTime } from '../../lib/berlin-time.js';
import type { ViewContext } from '../../views/context.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { Layout, PageHeading, type Crumb } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { Facts } from '../../views/components/facts.js';
import { CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, CheckboxField, type FormState, fieldId } from '../../views/components/forms.js';
import { CursorPager, withQuery } from '../../views/components/list.js';
import { TableWrap } from '../../views/components/table.js';
import { Time } from '../../views/components/time.js';
import type { EventRow, RegistrationRow } from './events.repo.js';
import type { CertificateRecord } from './events.service.js';
import { QUESTION_SLOTS } from './events.forms.js';

const kinds = ['workshop', 'barcamp', 'meeting', 'online'] as const;
const audiences = ['members', 'community', 'invited', 'public'] as const;

const homeCrumb = (ctx: ViewContext): Crumb => ({ label: ctx.t('nav.home'), href: '/' });
const listCrumb = (ctx: ViewContext): Crumb => ({ label: ctx.t('events.list.title'), href: '/veranstaltungen' });

/** "Dienstag, 3. Dezember 2026, 09:00–16:30 Uhr" (one day) or from–to over several days. */
export function EventWhen({ ctx, event }: { ctx: ViewContext; event: Pick<EventRow, 'startsAt' | 'endsAt'> }) {
  const { day, time } = berlinDayAndTime(ctx.lang === 'de' ? 'de-DE' : 'en-GB');
  const sameDay = day.format(event.startsAt) === day.format(event.endsAt);
  const text = sameDay
    ? ctx.t('events.when.sameDay', { day: day.format(event.startsAt), from: time.format(event.startsAt), to: time.format(event.endsAt) })
    : ctx.t('events.when.days', { fromDay: day.format(event.startsAt), from: time.format(event.startsAt), toDay: day.format(event.endsAt), to: time.format(event.endsAt) });
  return <time datetime={event.startsAt.toISOString()}>{text}</time>;
}

function StatusNote({ ctx, event }: { ctx: ViewContext; event: EventRow }) {
  const { t } = ctx;
  const notes: string[] = [];
  if (event.status === 'cancelled') notes.push(t('events.status.cancelled'));
  if (event.myStatus === 'confirmed') notes.push(t('events.status.registered'));
  if (event.myStatus === 'waiting') notes.push(t('events.status.waiting', { position: event.myWaitlistPosition ?? '' }));
  if (event.status !== 'cancelled' && !event.myStatus && event.capacity !== null && event.confirmedCount >= event.capacity) notes.push(event.waitlist ? t('events.status.fullWaitlist') : t('events.status.full'));
  if (notes.length === 0) return null;
  return (
    <p class="kern-body kern-body--small">
      {notes.map((n) => (
        <span class="kp-badge" key={n}>
          {n}
        </span>
      ))}
    </p>
  );
}

export function EventListPage({ ctx, filter, items, next, canCreate, signedIn }: { ctx: ViewContext; filter: FormState; items: EventRow[]; next: string | null; canCreate: boolean; signedIn: boolean }) {
  const { t } = ctx;
  const values = filter.values as Record<string, string>;
  const past = values.zeitraum === 'vergangen';
  const tab = (label: MessageKey, href: string, current: boolean) => (
    <li>
      <a class="kern-link" href={href} aria-current={current ? 'page' : undefined}>
        {current ? <strong>{t(label)}</strong> : t(label)}
      </a>
    </li>
  );
  return (
    <Layout ctx={ctx} title={t('events.list.title')} crumbs={[homeCrumb(ctx), { label: t('events.list.title') }]}>
      <PageHeading title={t('events.list.title')} lead={signedIn ? t('events.list.lead') : t('events.list.leadPublic')} />
      <nav aria-label={t('events.list.periods')}>
        <ul class="kern-list kp-actions">
          {tab('events.list.upcoming', withQuery('/veranstaltungen', { typ: values.typ || undefined, meine: values.meine || undefined }), !past)}
          {tab('events.list.past', withQuery('/veranstaltungen', { zeitraum: 'vergangen', typ: values.typ || undefined, meine: values.meine || undefined }), past)}
        </ul>
      </nav>
      <form method="get" action="/veranstaltungen" class="kp-filters" role="search" aria-label={t('events.list.filter')}>
        {past ? <input type="hidden" name="zeitraum" value="vergangen" /> : null}
        <SelectField ctx={ctx} form={filter} name="typ" label="events.field.kind" markOptional={false} options={[{ value: '', label: t('events.list.allKinds') }, ...kinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))]} />
        {signedIn ? (
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id="f-meine" name="meine" value="1" checked={values.meine === '1'} />
            <label class="kern-label" for="f-meine">
              {t('events.list.mine')}
            </label>
          </div>
        ) : null}
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="events.list.apply" />
        </div>
      </form>
      {items.length === 0 ? (
        <Alert kind="info" title={past ? t('events.list.emptyPast') : t('events.list.empty')} />
      ) : (
        <ul class="kp-result-list">
          {items.map((e) => (
            <li class="kp-result" key={e.id}>
              <p class="kern-body kern-body--small">
                {t(`events.kind.${e.kind}`)} · <EventWhen ctx={ctx} event={e} />
              </p>
              <h2 class="kern-heading-small">
                <a class="kern-link" href={`/veranstaltungen/${e.id}`}>
                  {e.title}
                </a>
              </h2>
              <p class="kern-body kern-body--small">
                {[e.place, e.onlineUrl || e.kind === 'online' ? t('events.online') : null].filter(Boolean).join(' · ')}
                {e.communityName ? <> · {e.communityName}</> : null}
                {e.capacity !== null ? <> · {t('events.places', { confirmed: ctx.fmt.number(e.confirmedCount), capacity: ctx.fmt.number(e.capacity) })}</> : null}
              </p>
              <StatusNote ctx={ctx} event={e} />
            </li>
          ))}
        </ul>
      )}
      <CursorPager ctx={ctx} next={next ? withQuery('/veranstaltungen', { ...values, nach: next }) : null} />
      <ul class="kern-list kp-actions">
        {canCreate ? (
          <li>
            <a class="kern-btn kern-btn--primary" href="/veranstaltungen/neu">
              <span class="kern-label">{t('events.list.create')}</span>
            </a>
          </li>
        ) : null}
        <li>
          <a class="kern-link" href={signedIn ? '/veranstaltungen/kalender' : '/kalender/oeffentlich.ics'}>
            {signedIn ? t('events.list.calendar') : t('events.list.publicFeed')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export interface EventPageData {
  event: EventRow;
  organisers: { id: string; name: string }[];
  descriptionHtml: string;
  manage: boolean;
  details: boolean;
  registration: 'open' | 'cancelled' | 'notYet' | 'closed' | 'over';
  /** Someone inside who could register (not a visitor, not an applicant). */
  mayRegister: boolean;
  signedIn: boolean;
  form: FormState;
}

export function EventPage({ ctx, data }: { ctx: ViewContext; data: EventPageData }) {
  const { t } = ctx;
  const { event, organisers } = data;
  const full = event.capacity !== null && event.confirmedCount >= event.capacity;
  const facts: [MessageKey, preact.ComponentChildren][] = [
    ['events.field.kind', t(`events.kind.${event.kind}`)],
    ['events.field.when', <EventWhen ctx={ctx} event={event} />],
  ];
  if (event.place) facts.push(['events.field.place', event.place]);
  if (data.details && event.placeDetails) facts.push(['events.field.placeDetails', event.placeDetails]);
  if (data.details && event.onlineUrl)
    facts.push([
      'events.field.onlineUrl',
      <a class="kern-link" href={event.onlineUrl} rel="noopener noreferrer">
        {event.onlineUrl}
      </a>,
    ]);
  if (!data.details && (event.placeDetails || event.onlineUrl)) facts.push(['events.field.access', t('events.accessHidden')]);
  if (event.communitySlug && event.communityName)
    facts.push([
      'events.field.community',
      <a class="kern-link" href={`/communities/${event.communitySlug}`}>
        {event.communityName}
      </a>,
    ]);
  facts.push(['events.field.audience', t(`events.audience.${event.audience}`)]);
  const organiserNames = [event.organiserName, ...(data.signedIn ? organisers.map((o) => o.name) : [])].filter(Boolean).join(', ');
  if (organiserNames) facts.push(['events.field.organisers', organiserNames]);
  facts.push([
    'events.field.places',
    event.capacity === null
      ? t('events.placesOpen', { confirmed: ctx.fmt.number(event.confirmedCount) })
      : `${t('events.places', { confirmed: ctx.fmt.number(event.confirmedCount), capacity: ctx.fmt.number(event.capacity) })}${event.waitlistCount ? ` · ${t('events.waitlistCount', { count: ctx.fmt.number(event.waitlistCount) })}` : ''}`,
  ]);
  if (event.registrationClosesAt) facts.push(['events.field.registrationClosesAt', <Time ctx={ctx} value={event.registrationClosesAt} />]);
  return (
    <Layout ctx={ctx} title={event.title} crumbs={[homeCrumb(ctx), listCrumb(ctx), { label: event.title }]}>
      <PageHeading title={event.title} />
      {event.status === 'cancelled' ? (
        <Alert kind="warning" title={t('events.cancelledTitle')}>
          {event.cancelMessage ? <p class="kern-body">{event.cancelMessage}</p> : null}
        </Alert>
      ) : null}
      <StatusNote ctx={ctx} event={event} />
      <Facts ctx={ctx} items={facts} />
      <div class="kp-markdown" dangerouslySetInnerHTML={{ __html: data.descriptionHtml }} />

      <section aria-labelledby="registration-heading">
        <h2 class="kern-heading-medium" id="registration-heading">
          {t('events.registration.title')}
        </h2>
        <RegistrationBlock ctx={ctx} data={data} full={full} />
      </section>

      <section aria-labelledby="more-heading">
        <h2 class="kern-heading-medium" id="more-heading">
          {t('events.more.title')}
        </h2>
        <ul class="kern-list">
          <li>
            <a class="kern-link" href={`/api/v1/events/${event.id}.ics`} download>
              {t('events.more.ics')}
            </a>
          </li>
          {event.kind === 'barcamp' ? (
            <>
              <li>
                <a class="kern-link" href={`/veranstaltungen/${event.id}/programm`}>
                  {t('events.more.programme')}
                </a>
              </li>
              <li>
                <a class="kern-link" href={`/veranstaltungen/${event.id}/live`}>
                  {t('events.more.live')}
                </a>
              </li>
            </>
          ) : null}
          {event.myAttended ? (
            <li>
              <a class="kern-link" href={`/veranstaltungen/${event.id}/bescheinigung`}>
                {t('events.more.certificate')}
              </a>
            </li>
          ) : null}
        </ul>
      </section>

      {data.manage ? (
        <section aria-labelledby="manage-heading">
          <h2 class="kern-heading-medium" id="manage-heading">
            {t('events.manage.title')}
          </h2>
          <ul class="kern-list">
            <li>
              <a class="kern-link" href={`/veranstaltungen/${event.id}/teilnehmende`}>
                {t('events.manage.participants')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/veranstaltungen/${event.id}/check-in`}>
                {t('events.manage.checkIn')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/veranstaltungen/${event.id}/bearbeiten`}>
                {t('events.manage.edit')}
              </a>
            </li>
            {event.kind === 'barcamp' ? (
              <li>
                <a class="kern-link" href={`/veranstaltungen/${event.id}/plan`}>
                  {t('events.manage.plan')}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

function RegistrationBlock({ ctx, data, full }: { ctx: ViewContext; data: EventPageData; full: boolean }) {
  const { t } = ctx;
  const { event } = data;
  if (!data.signedIn) {
    return (
      <>
        <p class="kern-body">{t('events.registration.visitor')}</p>
        <ul class="kern-list kp-actions">
          <li>
            <a class="kern-btn kern-btn--primary" href={withQuery('/anmelden', { next: `/veranstaltungen/${event.id}` })}>
              <span class="kern-label">{t('events.registration.signIn')}</span>
            </a>
          </li>
          <li>
            <a class="kern-link" href="/registrieren">
              {t('events.registration.createAccount')}
            </a>
          </li>
        </ul>
      </>
    );
  }
  if (event.myStatus) {
    return (
      <>
        <p class="kern-body">{event.myStatus === 'confirmed' ? t('events.registration.youAreConfirmed') : t('events.registration.youAreWaiting', { position: event.myWaitlistPosition ?? '' })}</p>
        {data.registration !== 'over' ? (
          <form method="post" action={`/veranstaltungen/${event.id}/abmelden`}>
            <CsrfField ctx={ctx} />
            <SubmitButton ctx={ctx} label={event.myStatus === 'confirmed' ? 'events.registration.cancel' : 'events.registration.leaveWaitlist'} variant="secondary" />
          </form>
        ) : null}
      </>
    );
  }
  if (!data.mayRegister) return <p class="kern-body">{t('events.registration.notInside')}</p>;
  if (data.registration !== 'open') return <p class="kern-body">{t(`events.registration.state.${data.registration}`)}</p>;
  if (full && !event.waitlist) return <p class="kern-body">{t('events.status.full')}</p>;
  const labels: Record<string, MessageKey> = {};
  return (
    <form method="post" action={`/veranstaltungen/${event.id}/anmelden`} novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} form={data.form} labels={labels} />
      {full ? <p class="kern-body">{t('events.registration.fullHint')}</p> : null}
      {event.questions.map((q) => (
        <QuestionField ctx={ctx} form={data.form} name={`answer_${q.id}`} label={q.label} required={q.required} key={q.id} />
      ))}
      {event.questions.length ? <p class="kern-body kern-body--small">{t('events.registration.answersNote')}</p> : null}
      <SubmitButton ctx={ctx} label={full ? 'events.registration.joinWaitlist' : 'events.registration.submit'} />
    </form>
  );
}

/** A registration question: its label is the organisers' text, not a catalogue key. */
function QuestionField({ ctx, form, name, label, required }: { ctx: ViewContext; form: FormState; name: string; label: string; required: boolean }) {
  const error = form.errors[name];
  const value = form.values[name];
  const describedBy = error ? `${fieldId(name)}-error` : undefined;
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={fieldId(name)}>
        {label}
        {required ? null : <span class="kern-label__optional"> – {ctx.t('form.optional')}</span>}
      </label>
      {error ? (
        <p class="kern-error" id={`${fieldId(name)}-error`} role="alert">
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span class="kern-body">{ctx.t(error.key, error.params)}</span>
        </p>
      ) : null}
      <textarea class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} id={fieldId(name)} name={name} rows={2} maxLength={1000} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>
        {typeof value === 'string' ? value : ''}
      </textarea>
    </div>
  );
}

const formLabels: Record<string, MessageKey> = {
  kind: 'events.field.kind',
  title: 'events.field.title',
  description: 'events.field.description',
  startsAt: 'events.field.startsAt',
  endsAt: 'events.field.endsAt',
  place: 'events.field.place',
  placeDetails: 'events.field.placeDetails',
  onlineUrl: 'events.field.onlineUrl',
  communityId: 'events.field.community',
  audience: 'events.field.audience',
  capacity: 'events.field.capacity',
  registrationOpensAt: 'events.field.registrationOpensAt',
  registrationClosesAt: 'events.field.registrationClosesAt',
  organiserName: 'events.field.organiserName',
  invitations: 'events.field.invitations',
  organisers: 'events.field.coOrganisers',
  question1: 'events.field.question',
  question2: 'events.field.question',
  question3: 'events.field.question',
};

export function EventFormPage({ ctx, form, communities, event, office, cancelForm }: { ctx: ViewContext; form: FormState; communities: { id: string; name: string }[]; event?: EventRow; office: boolean; cancelForm?: FormState }) {
  const { t } = ctx;
  const title = event ? t('events.form.editTitle') : t('events.form.newTitle');
  const action = event ? `/veranstaltungen/${event.id}/bearbeiten` : '/veranstaltungen/neu';
  const crumbs = event ? [homeCrumb(ctx), listCrumb(ctx), { label: event.title, href: `/veranstaltungen/${event.id}` }, { label: title }] : [homeCrumb(ctx), listCrumb(ctx), { label: title }];
  const isNew = !event && Object.keys(form.values).length === 0;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <PageHeading title={title} lead={t('events.form.lead')} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} form={form} labels={formLabels} />
        <SelectField ctx={ctx} form={form} name="kind" label="events.field.kind" required options={kinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} />
        <TextField ctx={ctx} form={form} name="title" label="events.field.title" required maxLength={200} />
        <TextArea ctx={ctx} form={form} name="description" label="events.field.description" hint="events.field.descriptionHint" required maxLength={20000} rows={8} />
        <TextField ctx={ctx} form={form} name="startsAt" type="datetime-local" label="events.field.startsAt" hint="events.field.timeHint" required maxLength={20} />
        <TextField ctx={ctx} form={form} name="endsAt" type="datetime-local" label="events.field.endsAt" hint="events.field.timeHint" required maxLength={20} />
        <TextField ctx={ctx} form={form} name="place" label="events.field.place" hint="events.field.placeHint" maxLength={200} />
        <TextArea ctx={ctx} form={form} name="placeDetails" label="events.field.placeDetails" hint="events.field.detailsHint" maxLength={2000} rows={3} />
        <TextField ctx={ctx} form={form} name="onlineUrl" type="url" label="events.field.onlineUrl" hint="events.field.detailsHint" maxLength={500} />
        <SelectField
          ctx={ctx}
          form={form}
          name="communityId"
          label="events.field.community"
          required={!office}
          options={[...(office ? [{ value: '', label: t('events.form.noCommunity') }] : []), ...communities.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField ctx={ctx} form={form} name="audience" label="events.field.audience" required options={audiences.map((a) => ({ value: a, label: t(`events.audience.${a}`) }))} />
        <TextArea ctx={ctx} form={form} name="invitations" label="events.field.invitations" hint="events.field.invitationsHint" maxLength={20000} rows={3} />
        <TextField ctx={ctx} form={form} name="capacity" type="number" label="events.field.capacity" hint="events.field.capacityHint" maxLength={6} />
        <CheckboxField ctx={ctx} form={form} name="waitlist" label="events.field.waitlist" defaultChecked={isNew} />
        <TextField ctx={ctx} form={form} name="registrationOpensAt" type="datetime-local" label="events.field.registrationOpensAt" maxLength={20} />
        <TextField ctx={ctx} form={form} name="registrationClosesAt" type="datetime-local" label="events.field.registrationClosesAt" maxLength={20} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('events.field.questions')}</legend>
          <p class="kern-body kern-body--small">{t('events.field.questionsHint')}</p>
          {Array.from({ length: QUESTION_SLOTS }, (_, i) => (
            <div key={i}>
              <TextField ctx={ctx} form={form} name={`question${i + 1}`} label="events.field.question" maxLength={200} />
              <CheckboxField ctx={ctx} form={form} name={`required${i + 1}`} label="events.field.questionRequired" />
            </div>
          ))}
        </fieldset>
        <TextField ctx={ctx} form={form} name="organiserName" label="events.field.organiserName" hint="events.field.organiserNameHint" maxLength={200} />
        <TextArea ctx={ctx} form={form} name="organisers" label="events.field.coOrganisers" hint="events.field.coOrganisersHint" maxLength={2000} rows={2} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={event ? 'events.form.save' : 'events.form.create'} />
        </div>
      </form>
      {event && event.status !== 'cancelled' ? <CancelEventForm ctx={ctx} event={event} form={cancelForm ?? { values: {}, errors: {} }} /> : null}
    </Layout>
  );
}

export function CancelEventForm({ ctx, event, form }: { ctx: ViewContext; event: EventRow; form: FormState }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="cancel-heading">
      <h2 class="kern-heading-medium" id="cancel-heading">
        {t('events.cancel.title')}
      </h2>
      <p class="kern-body">{t('events.cancel.lead', { count: ctx.fmt.number(event.confirmedCount + event.waitlistCount) })}</p>
      <form method="post" action={`/veranstaltungen/${event.id}/absagen`} novalidate>
        <CsrfField ctx={ctx} />
        <ErrorSummary ctx={ctx} form={form} labels={{ message: 'events.cancel.message' }} />
        <TextArea ctx={ctx} form={form} name="message" label="events.cancel.message" required maxLength={2000} rows={3} />
        <SubmitButton ctx={ctx} label="events.cancel.submit" variant="secondary" />
      </form>
    </section>
  );
}

export function ParticipantsPage({ ctx, event, rows, form }: { ctx: ViewContext; event: EventRow; rows: RegistrationRow[]; form: FormState }) {
  const { t } = ctx;
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waiting = rows.filter((r) => r.status === 'waiting');
  const title = t('events.participants.title');
  return (
    <Layout ctx={ctx} title={`${title}: ${event.title}`} crumbs={[homeCrumb(ctx), listCrumb(ctx), { label: event.title, href: `/veranstaltungen/${event.id}` }, { label: title }]}>
      <PageHeading title={title} lead={event.title} />
      <ErrorSummary ctx={ctx} form={form} labels={{ message: 'events.participants.cancelMessage' }} />
      <p class="kern-body">
        <a class="kern-link" href={`/veranstaltungen/${event.id}/check-in`}>
          {t('events.manage.checkIn')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t('events.participants.confirmed', { count: ctx.fmt.number(confirmed.length) })}</h2>
      {confirmed.length === 0 ? (
        <p class="kern-body">{t('events.participants.none')}</p>
      ) : (
        <form method="post" action={`/veranstaltungen/${event.id}/anwesenheit`}>
          <CsrfField ctx={ctx} />
          <TableWrap label={t('events.participants.confirmedTable')}>
            <table class="kern-table">
              <caption class="kern-sr-only">{t('events.participants.confirmedTable')}</caption>
              <thead class="kern-table__head">
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="col">{t('events.participants.name')}</th>
                  <th class="kern-table__header" scope="col">{t('events.participants.organisation')}</th>
                  {event.questions.map((q) => (
                    <th class="kern-table__header" scope="col" key={q.id}>
                      {q.label}
                    </th>
                  ))}
                  <th class="kern-table__header" scope="col">{t('events.participants.attended')}</th>
                </tr>
              </thead>
              <tbody class="kern-table__body">
                {confirmed.map((r) => (
                  <tr class="kern-table__row" key={r.id}>
                    <th class="kern-table__header" scope="row">
                      {r.name}
                      {r.role === 'partner' ? <> ({t('events.participants.partner')})</> : null}
                    </th>
                    <td class="kern-table__cell">{r.organisationName ?? ''}</td>
                    {event.questions.map((q) => (
                      <td class="kern-table__cell" key={q.id}>
                        {r.answers[q.id] ?? ''}
                      </td>
                    ))}
                    <td class="kern-table__cell">
                      <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" type="checkbox" id={`attended-${r.userId}`} name="attended" value={r.userId} checked={r.attendedAt !== null} />
                        <label class="kern-label" for={`attended-${r.userId}`}>
                          <span class="kern-sr-only">{t('events.participants.attendedFor', { name: r.name })}</span>
                          <span aria-hidden="true">{t('events.participants.present')}</span>
                        </label>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <SubmitButton ctx={ctx} label="events.participants.saveAttendance" />
        </form>
      )}
      <h2 class="kern-heading-medium">{t('events.participants.waiting', { count: ctx.fmt.number(waiting.length) })}</h2>
      {waiting.length === 0 ? (
        <p class="kern-body">{t('events.participants.noneWaiting')}</p>
      ) : (
        <ol class="kern-list">
          {waiting.map((r) => (
            <li key={r.id}>
              {r.name}
              {r.organisationName ? `, ${r.organisationName}` : ''}
            </li>
          ))}
        </ol>
      )}
      <h2 class="kern-heading-medium">{t('events.participants.cancelTitle')}</h2>
      <p class="kern-body">{t('events.participants.cancelLead')}</p>
      {rows.length ? (
        <form method="post" action={`/veranstaltungen/${event.id}/teilnehmende/stornieren`} novalidate>
          <CsrfField ctx={ctx} />
          <SelectField ctx={ctx} form={form} name="userId" label="events.participants.person" required options={rows.map((r) => ({ value: r.userId, label: `${r.name} (${t(r.status === 'confirmed' ? 'events.status.registered' : 'events.participants.onWaitlist')})` }))} />
          <TextArea ctx={ctx} form={form} name="message" label="events.participants.cancelMessage" required maxLength={2000} rows={3} />
          <SubmitButton ctx={ctx} label="events.participants.cancelSubmit" variant="secondary" />
        </form>
      ) : null}
    </Layout>
  );
}

/** The printable check-in list: names, organisations and a column to sign. */
export function CheckInPage({ ctx, event, rows }: { ctx: ViewContext; event: EventRow; rows: RegistrationRow[] }) {
  const { t } = ctx;
  const title = t('events.checkIn.title');
  return (
    <Layout ctx={ctx} title={`${title}: ${event.title}`} crumbs={[homeCrumb(ctx), listCrumb(ctx), { label: event.title, href: `/veranstaltungen/${event.id}` }, { label: title }]}>
      <PageHeading title={title} lead={event.title} />
      <p class="kern-body">
        <EventWhen ctx={ctx} event={event} />
        {event.place ? ` · ${event.place}` : ''}
      </p>
      <p class="kern-body kp-no-print">{t('events.checkIn.printHint')}</p>
      <TableWrap label={title}>
        <table class="kern-table kp-check-in">
          <caption class="kern-sr-only">{title}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">{t('events.checkIn.number')}</th>
              <th class="kern-table__header" scope="col">{t('events.participants.name')}</th>
              <th class="kern-table__header" scope="col">{t('events.participants.organisation')}</th>
              <th class="kern-table__header" scope="col">{t('events.checkIn.present')}</th>
              <th class="kern-table__header" scope="col">{t('events.checkIn.signature')}</th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {rows.map((r, i) => (
              <tr class="kern-table__row" key={r.id}>
                <td class="kern-table__cell">{i + 1}</td>
                <th class="kern-table__header" scope="row">
                  {r.name}
                </th>
                <td class="kern-table__cell">{r.organisationName ?? ''}</td>
                <td class="kern-table__cell">{r.attendedAt ? t('events.checkIn.yes') : '☐'}</td>
                <td class="kern-table__cell kp-signature"></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

export function CalendarPage({ ctx, personalUrl, publicUrl }: { ctx: ViewContext; personalUrl: string; publicUrl: string }) {
  const { t } = ctx;
  const title = t('events.calendar.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[homeCrumb(ctx), listCrumb(ctx), { label: title }]}>
      <PageHeading title={title} lead={t('events.calendar.lead')} />
      <h2 class="kern-heading-medium">{t('events.calendar.personal')}</h2>
      <p class="kern-body">{t('events.calendar.personalLead')}</p>
      <div class="kern-form-input">
        <label class="kern-label" for="feed-personal">
          {t('events.calendar.address')}
        </label>
        <input class="kern-form-input__input" id="feed-personal" type="text" readonly value={personalUrl} />
      </div>
      <p class="kern-body kern-body--small">{t('events.calendar.secretHint')}</p>
      <form method="post" action="/veranstaltungen/kalender/erneuern">
        <CsrfField ctx={ctx} />
        <SubmitButton ctx={ctx} label="events.calendar.renew" variant="secondary" />
      </form>
      <h2 class="kern-heading-medium">{t('events.calendar.public')}</h2>
      <div class="kern-form-input">
        <label class="kern-label" for="feed-public">
          {t('events.calendar.address')}
        </label>
        <input class="kern-form-input__input" id="feed-public" type="text" readonly value={publicUrl} />
      </div>
    </Layout>
  );
}

export function CertificateCheckPage({ ctx, code, certificate, status }: { ctx: ViewContext; code: string; certificate?: CertificateRecord; status: 'ask' | 'genuine' | 'unknown' | 'malformed' }) {
  const { t } = ctx;
  const title = t('events.check.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[homeCrumb(ctx), { label: title }]}>
      <PageHeading title={title} lead={t('events.check.lead')} />
      {status === 'genuine' && certificate ? (
        <Alert kind="success" title={t('events.check.genuine')}>
          <Facts
            ctx={ctx}
            items={[
              ['events.check.code', certificate.code],
              ['events.check.participant', certificate.participantName],
              ['events.check.event', certificate.eventTitle],
              ['events.field.when', <EventWhen ctx={ctx} event={certificate} />],
              ['events.check.hours', t('events.check.hoursValue', { hours: ctx.fmt.number(certificate.hours) })],
              ['events.check.organiser', certificate.organiser],
              ['events.check.issued', <Time ctx={ctx} value={certificate.issuedAt} dateOnly />],
            ]}
          />
        </Alert>
      ) : null}
      {status === 'unknown' || status === 'malformed' ? (
        <Alert kind="danger" title={t('events.check.unknown')}>
          <p class="kern-body">{t(status === 'malformed' ? 'events.check.malformedBody' : 'events.check.unknownBody')}</p>
        </Alert>
      ) : null}
      <form method="get" action="/bescheinigungen">
        <div class="kern-form-input">
          <label class="kern-label" for="f-code">
            {t('events.check.code')}
          </label>
          <div class="kern-hint" id="f-code-hint">
            {t('events.check.codeHint')}
          </div>
          <input class="kern-form-input__input" id="f-code" name="code" type="text" value={code} maxLength={40} autocomplete="off" aria-describedby="f-code-hint" />
        </div>
        <SubmitButton ctx={ctx} label="events.check.submit" />
      </form>
    </Layout>
  );
}
