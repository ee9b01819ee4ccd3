/** A version's content, fetched once and read into a Y.Doc of its own, destroyed when no longer shown. */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { Loaded } from '../api/use-api.ts';
import type { VersionEndpoints } from './version-endpoints.ts';

export function useVersionContent(endpoints: VersionEndpoints, versionId: string): Loaded<Y.Doc> {
  const [state, setState] = useState<Loaded<Y.Doc>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    let doc: Y.Doc | null = null;
    setState({ status: 'loading' });
    void endpoints.content(versionId).then((result) => {
      if (!current) return;
      if (!result.ok) return setState({ status: 'failed', failure: result.failure });
      doc = new Y.Doc();
      Y.applyUpdate(doc, result.data);
      setState({ status: 'ready', data: doc });
    });
    return () => {
      current = false;
      doc?.destroy();
    };
  }, [endpoints, versionId]);
  return state;
}
