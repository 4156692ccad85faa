/** "Wer weiß was?": ask for a topic, get people across levels with the reasons they are listed. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Alert } from '../../views/components/alert.js';
import { SelectField, SubmitButton, TextField, type FormState } from '../../views/components/forms.js';
import { PersonCard } from '../members/members.views.js';
import { levelOptions, Pager, stateOptions, withQuery } from '../../views/components/list.js';
import { EXPERT_PAGE_SIZE } from './experts.repo.js';
import type { Expert } from './experts.service.js';

export function ExpertsPage({ ctx, form, q, experts, total, topics, offset }: { ctx: ViewContext; form: FormState; q: string; experts: Expert[]; total: number; topics: { slug: string; label: string }[]; offset: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('experts.title')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('experts.title') }]}>
      <PageHeading title={t('experts.title')} lead={t('experts.lead')} />
      <form method="get" action="/wer-weiss-was" class="kp-filters" role="search" aria-label={t('experts.title')}>
        <TextField ctx={ctx} form={form} name="q" type="search" label="experts.q" hint="experts.qHint" maxLength={100} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="level" label="members.level" placeholder="members.any" options={levelOptions(ctx)} markOptional={false} />
        <SelectField ctx={ctx} form={form} name="state" label="members.state" placeholder="members.any" options={stateOptions(ctx)} markOptional={false} />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="experts.search" />
        </div>
      </form>
      {q ? (
        <>
          <p class="kern-body" role="status">{t('experts.count', { count: ctx.fmt.number(total), q })}</p>
          {experts.length === 0 ? (
            <Alert kind="info" title={t('experts.emptyTitle')}>
              <p class="kern-body">{t('experts.emptyBody')}</p>
            </Alert>
          ) : (
            <ol class="kp-result-list">
              {experts.map((e) => (
                <li class="kp-result" key={e.id}>
                  <PersonCard ctx={ctx} p={e}>
                    <p class="kern-body kern-body--small kp-muted">
                      <span class="kern-sr-only">{t('experts.why')} </span>
                      {e.reasons.join(' · ')}
                    </p>
                  </PersonCard>
                </li>
              ))}
            </ol>
          )}
          <Pager ctx={ctx} offset={offset} limit={EXPERT_PAGE_SIZE} total={total} shown={experts.length} href={(o) => withQuery('/wer-weiss-was', { ...(form.values as Record<string, string>), offset: o })} />
        </>
      ) : topics.length > 0 ? (
        <section aria-labelledby="topics-title">
          <h2 class="kern-heading-medium" id="topics-title">{t('experts.startTitle')}</h2>
          <ul class="kp-tags">
            {topics.map((topic) => (
              <li key={topic.slug}>
                <a class="kern-link kp-tag" href={`/wer-weiss-was?q=${encodeURIComponent(topic.label)}`}>
                  {topic.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
