/**
 * « Publier comme modèle » on a board, for the AMI's admins: the whole board or chosen frames
 * (those selected on the board are ticked), a title, a description, the domain and technologies
 * (the AMI's by default). The server reads the board itself; only the choice is sent.
 */
import { useMemo, useState } from 'react';
import { TECHNOLOGY_TAGS, templatePublishSchema, type DomainView, type TechnologyTag, type TemplateView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Link } from '../app/router.tsx';
import { paths } from '../app/routes.ts';
import { inReadingOrder } from '../board/a11y/reading-order.ts';
import type { Frame } from '../board/engine/shape-model.ts';
import { useBoard } from '../board/ui/board-context.ts';
import { ChoiceGroup, Field, SubmitButton } from '../forms/fields.tsx';
import { useForm } from '../forms/use-form.ts';
import { validate } from '../forms/validate.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { LoadFailure, Loading } from '../ui/LoadState.tsx';
import { VersionDialog } from '../versions/VersionDialog.tsx';
import './templates.css';

export function PublishTemplateButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary button--small publish-template__open" onClick={() => setOpen(true)}>
        {t('templates.publish.open')}
      </button>
      {open && (
        <VersionDialog title={t('templates.publish.title')} onClose={() => setOpen(false)}>
          <PublishTemplateForm />
        </VersionDialog>
      )}
    </>
  );
}

interface FrameChoice {
  id: string;
  label: string;
}

/** The board's frames as the list offers them, in reading order, nested ones named after their frame. */
function frameChoices(frames: readonly Frame[], untitled: string): FrameChoice[] {
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  const name = (frame: Frame) => (frame.title.trim() === '' ? untitled : frame.title);
  return inReadingOrder(frames).map((frame) => {
    const parent = frame.parent === null ? undefined : byId.get(frame.parent);
    return { id: frame.id, label: parent === undefined ? name(frame) : `${name(parent)} › ${name(frame)}` };
  });
}

function PublishTemplateForm() {
  const { t } = useI18n();
  const { ami, boardView, board, editor } = useBoard();
  const form = useForm();
  const domains = useApi(() => call(() => api.domains.$get()), []);
  // Read once, when the dialog opens: the board may change meanwhile, the server reads it again.
  const { frames, hasImages } = useMemo(() => {
    const shapes = [...board.source.all()];
    return { frames: frameChoices(shapes.filter((shape): shape is Frame => shape.type === 'frame'), t('templates.publish.untitledFrame')), hasImages: shapes.some((shape) => shape.type === 'image') };
  }, [board, t]);
  const selected = useMemo(() => frames.filter((frame) => editor.getState().selection.has(frame.id)).map((frame) => frame.id), [frames, editor]);
  const [scope, setScope] = useState<'board' | 'frames'>(selected.length > 0 ? 'frames' : 'board');
  const [frameIds, setFrameIds] = useState<string[]>(selected);
  const [title, setTitle] = useState(boardView.title);
  const [description, setDescription] = useState('');
  const [domain, setDomain] = useState(ami.domain.slug);
  const [tags, setTags] = useState<TechnologyTag[]>(ami.tags);
  const [published, setPublished] = useState<TemplateView | null>(null);

  const submit = form.handle(async () => {
    if (scope === 'frames' && frameIds.length === 0) return form.invalid({ frameIds: t('templates.publish.chooseFrames') });
    const input = validate(templatePublishSchema, { amiId: ami.id, boardId: boardView.id, frameIds: scope === 'frames' ? frameIds : [], title, description, domain, tags });
    if (!input.ok) return form.invalid(input.fields);
    const result = await call(() => api.templates.$post({ json: input.data }));
    if (!result.ok) return form.failed(result.failure);
    setPublished(result.data);
  });

  if (published !== null) {
    return (
      <div className="publish-template__done">
        <p role="status">{t('templates.publish.done', { title: published.title })}</p>
        <Link href={paths.templates} className="button">
          {t('templates.publish.see')}
        </Link>
      </div>
    );
  }
  if (domains.state.status === 'loading') return <Loading />;
  if (domains.state.status === 'failed') return <LoadFailure failure={domains.state.failure} retry={domains.reload} />;
  const domainOptions: DomainView[] = domains.state.data;

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form publish-template" data-testid="publish-template-form">
      <p className="muted">{t('templates.publish.intro')}</p>
      <ActionAlert message={form.message} />
      {frames.length === 0 ? (
        <p>{t('templates.publish.noFrames')}</p>
      ) : (
        <>
          <ChoiceGroup
            form={form}
            name="scope"
            legend={t('templates.publish.scope')}
            type="radio"
            options={[
              { value: 'board', label: t('templates.publish.scope.board') },
              { value: 'frames', label: t('templates.publish.scope.frames') },
            ]}
            selected={[scope]}
            onChange={([value]) => value && setScope(value)}
          />
          {scope === 'frames' && (
            <div className="publish-template__frames">
              <ChoiceGroup form={form} name="frameIds" legend={t('templates.publish.frames')} type="checkbox" options={frames.map(({ id, label }) => ({ value: id, label }))} selected={frameIds} onChange={setFrameIds} />
            </div>
          )}
        </>
      )}
      {hasImages && <p className="muted">{t('templates.publish.images')}</p>}
      <Field form={form} name="title" label={t('templates.publish.name')}>
        {(control) => <input {...control} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />}
      </Field>
      <Field form={form} name="description" label={t('templates.publish.description')} help={t('templates.publish.description.help')}>
        {(control) => <textarea {...control} rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </Field>
      <Field form={form} name="domain" label={t('templates.publish.domain')}>
        {(control) => (
          <select {...control} value={domain} onChange={(event) => setDomain(event.target.value)}>
            {domainOptions.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChoiceGroup form={form} name="tags" legend={t('templates.publish.tags')} type="checkbox" options={TECHNOLOGY_TAGS.map((tag) => ({ value: tag, label: t(`tag.${tag}`) }))} selected={tags} onChange={setTags} />
      <div className="button-row">
        <SubmitButton form={form}>{t('templates.publish.submit')}</SubmitButton>
      </div>
    </form>
  );
}
