/**
 * The versions panel of the AMI text: its endpoints, its preview (Tiptap, read-only, with the
 * text's own « Exporter » menu naming the version on the title page) and its comparison (blocks).
 */
import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { AmiDetailView } from '@eprouvette/shared';
import { TextExportMenu } from '../ami-text/export/TextExportMenu.tsx';
import { TextVersionCompare } from './TextVersionCompare.tsx';
import { TextVersionPreview } from './TextVersionPreview.tsx';
import { textVersionEndpoints } from './version-endpoints.ts';
import { VersionsPanel } from './VersionsPanel.tsx';

export function TextVersionsPanel({ ami, doc }: { ami: AmiDetailView; doc: Y.Doc }) {
  const endpoints = useMemo(() => textVersionEndpoints(ami.id), [ami.id]);
  return (
    <VersionsPanel
      endpoints={endpoints}
      liveDoc={doc}
      renderPreview={(version, title) => (
        <>
          <div className="version-preview__tools">
            <TextExportMenu doc={version} loaded ami={ami} version={title} />
          </div>
          <TextVersionPreview doc={version} title={title} />
        </>
      )}
      renderCompare={(version, current) => <TextVersionCompare version={version} current={current} />}
    />
  );
}
