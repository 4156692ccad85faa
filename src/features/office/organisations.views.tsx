/** The office's side of the organisation directory: list, create, edit, domains. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField, type FormState } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { organisationTypes, type DirectoryQuery } from '../organisations/organisations.schema.js';
import { DirectoryFilter, OrganisationTable, groupByLevel, type DirectoryPageData, type OrganisationChoice } from '../organisations/organisations.views.js';
import { Pager, countText, levelOptions, stateOptions, withQuery } from '../../views/components/list.js';
import { officeCrumbs } from './office.views.js';

const LIST = '/geschaeftsstelle/organisationen';

export function OfficeOrganisationsPage({ ctx, query, page }: { ctx: ViewContext; query: DirectoryQuery; page: DirectoryPageData }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('org.office.title')} crumbs={officeCrumbs(ctx, [{ label: t('office.section.organisations') }])}>
      <PageHeading title={t('org.office.title')} lead={t('org.office.lead')} />
      <div class="kern-btn-wrapper">
        <a class="kern-btn kern-btn--primary" href={`${LIST}/neu`}>
          <span class="kern-icon kern-icon--add" aria-hidden="true"></span>
          <span class="kern-label">{t('org.office.create')}</span>
        </a>
        <a class="kern-btn kern-btn--secondary" href={`${LIST}/import`}>
          <span class="kern-label">{t('import.title')}</span>
        </a>
      </div>
      <DirectoryFilter ctx={ctx} action={LIST} query={query} />
      <p class="kern-body kern-body--bold">{countText(ctx, page.total, { one: 'org.count.one', other: 'org.count.other' })}</p>
      {page.items.length === 0 ? (
        <p class="kern-body">{t('org.empty')}</p>
      ) : (
        <OrganisationTable ctx={ctx} rows={page.items} href={(id) => `${LIST}/${id}`} caption={t('org.office.title')} />
      )}
      <Pager
        ctx={ctx}
        offset={query.offset ?? 0}
        limit={page.limit}
        total={page.total}
        shown={page.items.length}
        href={(o) => withQuery(LIST, { q: query.q, level: query.level, state: query.state, offset: o })}
      />
    </Layout>
  );
}

const formLabels: Record<string, MessageKey> = {
  name: 'org.field.name',
  shortName: 'org.field.shortName',
  level: 'org.field.level',
  state: 'org.field.state',
  type: 'org.field.type',
  allowSubdomains: 'org.field.allowSubdomains',
  parentId: 'org.field.parent',
};

function OrganisationForm({ ctx, form, choices, action, submit, selfId }: { ctx: ViewContext; form: FormState; choices: OrganisationChoice[]; action: string; submit: MessageKey; selfId?: string }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={formLabels} />
      <form method="post" action={action} class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="name" label="org.field.name" hint="org.office.nameHint" maxLength={200} required />
        <TextField ctx={ctx} form={form} name="shortName" label="org.field.shortName" hint="org.office.shortNameHint" maxLength={40} />
        <SelectField ctx={ctx} form={form} name="level" label="org.field.level" placeholder="org.office.choose" options={levelOptions(ctx)} required />
        <SelectField ctx={ctx} form={form} name="state" label="org.field.state" placeholder="org.office.stateNone" options={stateOptions(ctx)} />
        <SelectField ctx={ctx} form={form} name="type" label="org.field.type" placeholder="org.office.choose" options={organisationTypes.map((o) => ({ value: o, label: t(`orgType.${o}`) }))} required />
        <SelectField ctx={ctx} form={form} name="parentId" label="org.field.parent" placeholder="org.office.parentNone" groups={groupByLevel(ctx, choices, selfId)} />
        <Checkbox ctx={ctx} form={form} name="allowSubdomains" label="org.field.allowSubdomains" />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label={submit} />
        </div>
      </form>
    </>
  );
}

export function NewOrganisationPage({ ctx, form, choices }: { ctx: ViewContext; form: FormState; choices: OrganisationChoice[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('org.office.newTitle')} crumbs={officeCrumbs(ctx, [{ label: t('office.section.organisations'), href: LIST }, { label: t('org.office.newTitle') }])}>
      <PageHeading title={t('org.office.newTitle')} />
      <OrganisationForm ctx={ctx} form={form} choices={choices} action={`${LIST}/neu`} submit="org.office.submitCreate" />
    </Layout>
  );
}

export interface EditableOrganisation {
  id: string;
  name: string;
  domains: string[];
}

export function EditOrganisationPage({ ctx, organisation, choices, form, domainForm }: { ctx: ViewContext; organisation: EditableOrganisation; choices: OrganisationChoice[]; form: FormState; domainForm: FormState }) {
  const { t } = ctx;
  const base = `${LIST}/${organisation.id}`;
  return (
    <Layout ctx={ctx} title={organisation.name} crumbs={officeCrumbs(ctx, [{ label: t('office.section.organisations'), href: LIST }, { label: organisation.name }])}>
      <PageHeading title={organisation.name} />
      <ul class="kern-list kp-actions">
        <li>
          <a class="kern-link" href={`/organisationen/${organisation.id}`}>
            {t('org.office.viewInDirectory')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/zusammenfuehren`}>
            {t('merge.title')}
          </a>
        </li>
      </ul>
      <section class="kp-section" aria-labelledby="details-title">
        <h2 class="kern-heading-medium" id="details-title">{t('org.office.detailsTitle')}</h2>
        <OrganisationForm ctx={ctx} form={form} choices={choices} action={base} submit="org.office.submitSave" selfId={organisation.id} />
      </section>
      <section class="kp-section" aria-labelledby="domains-title">
        <h2 class="kern-heading-medium" id="domains-title">{t('org.office.domainsTitle')}</h2>
        <p class="kern-body">{t('org.office.domainsLead')}</p>
        {organisation.domains.length === 0 ? (
          <p class="kern-body">{t('org.office.domainsEmpty')}</p>
        ) : (
          <ul class="kern-list" id="domains">
            {organisation.domains.map((domain) => (
              <li key={domain} class="kp-actions">
                <span class="kern-body">{domain}</span>
                <form method="post" action={`${base}/domains/entfernen`} class="kp-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="domain" value={domain} />
                  <button class="kern-btn kern-btn--tertiary kern-btn--x-small" type="submit" aria-label={t('org.office.removeDomainLabel', { domain })}>
                    <span class="kern-icon kern-icon--delete" aria-hidden="true"></span>
                    <span class="kern-label">{t('org.office.removeDomain')}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary ctx={ctx} form={domainForm} labels={{ domain: 'org.office.domain' }} />
        <form method="post" action={`${base}/domains`} class="kp-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextField ctx={ctx} form={domainForm} name="domain" label="org.office.domain" hint="org.office.domainHint" maxLength={253} required />
          <div class="kern-btn-wrapper">
            <SubmitButton ctx={ctx} label="org.office.addDomain" variant="secondary" />
          </div>
        </form>
      </section>
    </Layout>
  );
}
