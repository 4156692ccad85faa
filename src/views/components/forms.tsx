/** KERN UX form parts: labels above fields, hints below labels, messages tied by aria-describedby. */
import type { ComponentChildren } from 'preact';
import type { FieldErrors, FormValues } from '../../http/forms.js';
import type { ViewContext } from '../context.js';
import type { MessageKey, Params } from '../i18n/index.js';

export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const emptyForm: FormState = { values: {}, errors: {} };

export function fieldId(name: string): string {
  return `f-${name}`;
}

function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** The summary at the top of a form with errors: focusable, announced, linking to each field. */
export function ErrorSummary({ ctx, form, labels }: { ctx: ViewContext; form: FormState; labels: Record<string, MessageKey> }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger kp-error-summary" role="alert" tabindex={-1} id="error-summary">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <span class="kern-title">{ctx.t('form.summaryTitle')}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {entries.map(([name, error]) => (
            <li key={name}>
              {name.startsWith('_') ? (
                ctx.t(error.key, error.params)
              ) : (
                <a class="kern-link" href={`#${fieldId(name)}`}>
                  {labels[name] ? `${ctx.t(labels[name])}: ` : ''}
                  {ctx.t(error.key, error.params)}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FieldProps {
  ctx: ViewContext;
  form: FormState;
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  required?: boolean;
  /** Filter forms leave every field optional and need no "optional" marker. */
  markOptional?: boolean;
}

function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ ctx, form, name, label, hint, required, markOptional = true, children }: FieldProps & { children: ComponentChildren }) {
  const error = form.errors[name];
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={fieldId(name)}>
        {ctx.t(label)}
        {required || !markOptional ? null : <span class="kern-label__optional"> – {ctx.t('form.optional')}</span>}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${fieldId(name)}-hint`}>
          {ctx.t(hint)}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${fieldId(name)}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span>{ctx.t(error.key, error.params)}</span>
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'number' | 'datetime-local';
    autocomplete?: string;
    maxLength?: number;
    value?: string;
    /** Progressive enhancement: suggestions for comma-separated tags while typing (assets/js/app.js). */
    tagSuggest?: boolean;
  },
) {
  const { form, name, hint, required, type = 'text', autocomplete, maxLength, tagSuggest } = props;
  const error = form.errors[name];
  return (
    <FieldFrame {...props}>
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(name)}
        name={name}
        type={type}
        value={type === 'password' ? undefined : (props.value ?? valueOf(form, name))}
        autocomplete={autocomplete}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        data-tag-suggest={tagSuggest ? '' : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { maxLength?: number; rows?: number }) {
  const { form, name, hint, required, maxLength, rows = 5 } = props;
  const error = form.errors[name];
  return (
    <FieldFrame {...props}>
      <textarea
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(name)}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
      >
        {valueOf(form, name)}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  label: string;
  options: Option[];
}

export function SelectField(props: FieldProps & { options?: Option[]; groups?: OptionGroup[]; placeholder?: MessageKey }) {
  const { ctx, form, name, hint, required, options = [], groups = [], placeholder } = props;
  const error = form.errors[name];
  const selected = valueOf(form, name);
  const option = (o: Option) => (
    <option key={o.value} value={o.value} selected={o.value === selected}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame {...props}>
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={fieldId(name)}
          name={name}
          required={required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
        >
          {placeholder ? <option value="">{ctx.t(placeholder)}</option> : null}
          {options.map(option)}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map(option)}
            </optgroup>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

export function Checkbox({ ctx, form, name, label, checked }: { ctx: ViewContext; form: FormState; name: string; label: MessageKey; checked?: boolean }) {
  const v = form.values[name];
  const isChecked = checked ?? (Array.isArray(v) ? v.length > 0 : v === 'on' || v === 'true');
  return (
    <div class="kern-form-check">
      <input class="kern-form-check__checkbox" type="checkbox" id={fieldId(name)} name={name} checked={isChecked} />
      <label class="kern-label" for={fieldId(name)}>
        {ctx.t(label)}
      </label>
    </div>
  );
}

/**
 * A checkbox with a hint and a message tied by aria-describedby. KERN's form-check is a row
 * (box and label); the hint and the message go below it. `defaultChecked` applies only when
 * the form has no value for it yet.
 */
export function CheckboxField(props: { ctx: ViewContext; form: FormState; name: string; label: MessageKey; hint?: MessageKey; hintParams?: Params; defaultChecked?: boolean }) {
  const { ctx, form, name, label, hint, hintParams, defaultChecked = false } = props;
  const error = form.errors[name];
  const value = form.values[name];
  const checked = value === undefined ? defaultChecked : value === 'on' || value === 'true';
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-error`;
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
        <input
          class={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
          type="checkbox"
          id={fieldId(name)}
          name={name}
          checked={checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
        />
        <label class="kern-label" for={fieldId(name)}>
          {ctx.t(label)}
        </label>
      </div>
      {hint ? (
        <div class="kern-hint" id={hintId}>
          {ctx.t(hint, hintParams)}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={errorId}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span>{ctx.t(error.key, error.params)}</span>
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ ctx, label, variant = 'primary', name, value }: { ctx: ViewContext; label: MessageKey; variant?: 'primary' | 'secondary' | 'tertiary'; name?: string; value?: string }) {
  return (
    <button class={`kern-btn kern-btn--${variant}`} type="submit" name={name} value={value}>
      <span class="kern-label">{ctx.t(label)}</span>
    </button>
  );
}

/** A one-button form for actions that change things (never links). */
export function ActionButton({ ctx, action, label, variant = 'secondary', hidden = {} }: { ctx: ViewContext; action: string; label: MessageKey; variant?: 'primary' | 'secondary' | 'tertiary'; hidden?: Record<string, string> }) {
  return (
    <form method="post" action={action} class="kp-inline-form">
      <CsrfField ctx={ctx} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton ctx={ctx} label={label} variant={variant} />
    </form>
  );
}
