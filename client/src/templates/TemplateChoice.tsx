/**
 * « Point de départ » of a new board: empty, or « Partir d'un modèle de la bibliothèque » with the
 * template chosen in a list (the AMI's domain first). The server writes the template into the new
 * board; nothing is copied from the browser.
 */
import type { TemplateSummaryView } from '@eprouvette/shared';
import { ChoiceGroup, Field } from '../forms/fields.tsx';
import type { FormState } from '../forms/use-form.ts';
import { useI18n } from '../i18n/index.ts';
import { domainFirst } from './library-order.ts';

/** `null`: an empty board; '' : from a template not chosen yet; else the template's id. */
export type TemplateStart = string | null;

interface Props {
  form: FormState;
  templates: readonly TemplateSummaryView[];
  domain: string;
  value: TemplateStart;
  onChange: (value: TemplateStart) => void;
}

export function TemplateChoice({ form, templates, domain, value, onChange }: Props) {
  const { t } = useI18n();
  // Nothing to choose from yet: the board starts empty, as it always did.
  if (templates.length === 0) return null;
  return (
    <>
      <ChoiceGroup
        form={form}
        name="start"
        legend={t('templates.start.legend')}
        type="radio"
        options={[
          { value: 'empty', label: t('templates.start.empty') },
          { value: 'template', label: t('templates.start.template') },
        ]}
        selected={[value === null ? 'empty' : 'template']}
        onChange={([start]) => onChange(start === 'template' ? (value ?? '') : null)}
      />
      {value !== null && (
        <Field form={form} name="templateId" label={t('templates.start.choose')} help={t('templates.start.choose.help')}>
          {(control) => (
            <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
              <option value="" disabled>
                {t('templates.start.choose')}
              </option>
              {domainFirst(templates, domain).map((template) => (
                <option key={template.id} value={template.id}>
                  {t('templates.start.option', { title: template.title, organisation: template.origin.organisation })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}
