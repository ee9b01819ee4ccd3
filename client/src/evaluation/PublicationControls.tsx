import { useState } from 'react';
import type { EvaluationView } from '@eprouvette/shared';
import { api, call } from '../api/client.ts';
import { useAction } from '../forms/use-action.ts';
import { useI18n } from '../i18n/index.ts';
import { ActionAlert } from '../ui/ActionAlert.tsx';
import { ConfirmAction } from '../ui/ConfirmAction.tsx';

/** « Publier les résultats » (asked again in place) and, once published, « Retirer la publication ». */
export function PublicationControls({ evaluation, onChanged }: { evaluation: EvaluationView; onChanged: (view: EvaluationView) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [done, setDone] = useState('');
  const param = { amiId: evaluation.amiId };
  const published = evaluation.publication !== null;

  const change = () =>
    action.run(
      () => call(() => (published ? api.amis[':amiId'].evaluation.publication.$delete({ param }) : api.amis[':amiId'].evaluation.publication.$post({ param }))),
      (view) => {
        setDone(t(published ? 'evaluation.withdraw.done' : 'evaluation.publish.done'));
        onChanged(view);
      },
    );

  return (
    <div className="evaluation-publish">
      {/* One button whose words change: focus stays on it after publishing or withdrawing. */}
      <ConfirmAction
        label={t(published ? 'evaluation.withdraw' : 'evaluation.publish')}
        question={t(published ? 'evaluation.withdraw.question' : 'evaluation.publish.question')}
        confirmLabel={t(published ? 'evaluation.withdraw.confirm' : 'evaluation.publish.confirm')}
        onConfirm={change}
        busy={action.busy}
        danger={published}
      />
      <p role="status" className="visually-hidden">
        {done}
      </p>
      <ActionAlert message={action.error} />
    </div>
  );
}
