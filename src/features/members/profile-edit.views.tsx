/** Editing one's own profile: each field with who may see it. */
import type { ViewContext } from '../../views/context.js';
import { Layout, PageHeading } from '../../views/layout.js';
import { Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, type FormState } from '../../views/components/forms.js';
import type { MessageKey } from '../../views/i18n/index.js';
import { languageCodes, visibilityValues } from './members.schema.js';

const labels: Record<string, MessageKey> = {
  position: 'profile.position',
  bio: 'profile.bio',
  phone: 'profile.phone',
  contactOther: 'profile.contactOther',
  languages: 'profile.languages',
  expertise: 'profile.expertise',
  ask: 'profile.ask',
};

function VisibilitySelect({ ctx, form, field }: { ctx: ViewContext; form: FormState; field: string }) {
  const name = `vis${field[0]!.toUpperCase()}${field.slice(1)}`;
  return (
    <SelectField
      ctx={ctx}
      form={form}
      name={name}
      label={`profile.vis.${field}` as MessageKey}
      options={visibilityValues.map((v) => ({ value: v, label: ctx.t(`visibility.${v}`) }))}
      required
    />
  );
}

export function ProfileEditPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const chosen = form.values.languages;
  const languages = Array.isArray(chosen) ? chosen : [];
  return (
    <Layout ctx={ctx} title={t('profile.editTitle')} crumbs={[{ label: t('nav.home'), href: '/' }, { label: t('nav.account'), href: '/konto' }, { label: t('profile.editTitle') }]}>
      <PageHeading title={t('profile.editTitle')} lead={t('profile.editLead')} />
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/konto/profil" class="kp-form" novalidate>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="position" label="profile.position" hint="profile.positionHint" maxLength={120} />
        <VisibilitySelect ctx={ctx} form={form} field="position" />
        <TextField ctx={ctx} form={form} name="expertise" label="profile.expertise" hint="profile.expertiseHint" maxLength={1000} tagSuggest />
        <TextField ctx={ctx} form={form} name="ask" label="profile.ask" hint="profile.askHint" maxLength={1000} tagSuggest />
        <VisibilitySelect ctx={ctx} form={form} field="expertise" />
        <TextArea ctx={ctx} form={form} name="bio" label="profile.bio" hint="profile.bioHint" maxLength={4000} rows={6} />
        <VisibilitySelect ctx={ctx} form={form} field="bio" />
        <fieldset class={`kern-fieldset${form.errors.languages ? ' kern-fieldset--error' : ''}`} aria-describedby={form.errors.languages ? 'f-languages-error' : undefined}>
          <legend class="kern-label">{t('profile.languages')}</legend>
          {form.errors.languages ? (
            <p class="kern-error" id="f-languages-error">
              <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
              <span>{t(form.errors.languages.key)}</span>
            </p>
          ) : null}
          <div class="kern-fieldset__body kern-fieldset__body--horizontal" id="f-languages">
            {languageCodes.map((code) => (
              <div class="kern-form-check" key={code}>
                <input class="kern-form-check__checkbox" type="checkbox" id={`f-language-${code}`} name="languages" value={code} checked={languages.includes(code)} />
                <label class="kern-label" for={`f-language-${code}`}>
                  {t(`language.${code}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <VisibilitySelect ctx={ctx} form={form} field="languages" />
        <TextField ctx={ctx} form={form} name="phone" type="tel" label="profile.phone" autocomplete="tel" maxLength={40} />
        <VisibilitySelect ctx={ctx} form={form} field="phone" />
        <TextField ctx={ctx} form={form} name="contactOther" label="profile.contactOther" hint="profile.contactOtherHint" maxLength={300} />
        <VisibilitySelect ctx={ctx} form={form} field="contactOther" />
        <Checkbox ctx={ctx} form={form} name="listed" label="profile.listed" />
        <div class="kern-btn-wrapper">
          <SubmitButton ctx={ctx} label="form.save" />
        </div>
      </form>
    </Layout>
  );
}
