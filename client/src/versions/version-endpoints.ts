/**
 * The versions API of one document, whichever it is: the AMI text and a board answer the same
 * four routes under their own path, so the panel is written once against this interface.
 */
import type { VersionListView, VersionRestoreView, VersionView } from '@eprouvette/shared';
import { api, call, download, type ApiResult } from '../api/client.ts';

export interface VersionEndpoints {
  list(): Promise<ApiResult<VersionListView>>;
  name(label: string): Promise<ApiResult<VersionView>>;
  /** The version's content: a Yjs update of the whole document. */
  content(versionId: string): Promise<ApiResult<Uint8Array>>;
  restore(versionId: string): Promise<ApiResult<VersionRestoreView>>;
}

async function bytes(result: Promise<ApiResult<{ blob: Blob }>>): Promise<ApiResult<Uint8Array>> {
  const answer = await result;
  return answer.ok ? { ok: true, data: new Uint8Array(await answer.data.blob.arrayBuffer()) } : answer;
}

export function textVersionEndpoints(amiId: string): VersionEndpoints {
  const versions = api.amis[':amiId'].text.versions;
  return {
    list: () => call(() => versions.$get({ param: { amiId } })),
    name: (label) => call(() => versions.$post({ param: { amiId }, json: { label } })),
    content: (versionId) => bytes(download(() => versions[':versionId'].$get({ param: { amiId, versionId } }), 'version')),
    restore: (versionId) => call(() => versions[':versionId'].restore.$post({ param: { amiId, versionId } })),
  };
}

export function boardVersionEndpoints(amiId: string, boardId: string): VersionEndpoints {
  const versions = api.amis[':amiId'].boards[':boardId'].versions;
  return {
    list: () => call(() => versions.$get({ param: { amiId, boardId } })),
    name: (label) => call(() => versions.$post({ param: { amiId, boardId }, json: { label } })),
    content: (versionId) => bytes(download(() => versions[':versionId'].$get({ param: { amiId, boardId, versionId } }), 'version')),
    restore: (versionId) => call(() => versions[':versionId'].restore.$post({ param: { amiId, boardId, versionId } })),
  };
}
