import type { Id } from '@eprouvette/shared';
import type { SqlClient } from '../storage/sql-client.ts';

export interface StoredImage {
  mime: string;
  bytes: Uint8Array;
}

/** Keeps the bytes once (by hash) and records that the AMI may show them. */
export async function storeImage(
  sql: SqlClient,
  image: { hash: string; mime: string; bytes: Uint8Array; amiId: Id; uploadedBy: Id },
  now = Date.now(),
): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.run('INSERT INTO images (hash, mime, bytes, size, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING', [
      image.hash,
      image.mime,
      Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
      image.bytes.byteLength,
      now,
    ]);
    await tx.run('INSERT INTO ami_images (ami_id, hash, uploaded_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (ami_id, hash) DO NOTHING', [
      image.amiId,
      image.hash,
      image.uploadedBy,
      now,
    ]);
  });
}

/** The image if it was uploaded to this AMI; another AMI's image is "not found" even if the bytes exist. */
export async function getAmiImage(sql: SqlClient, amiId: Id, hash: string): Promise<StoredImage | null> {
  const row = await sql.get<{ mime: string; bytes: Uint8Array }>(
    'SELECT i.mime, i.bytes FROM ami_images a JOIN images i ON i.hash = a.hash WHERE a.ami_id = ? AND a.hash = ?',
    [amiId, hash],
  );
  return row === undefined ? null : { mime: row.mime, bytes: new Uint8Array(row.bytes) };
}
