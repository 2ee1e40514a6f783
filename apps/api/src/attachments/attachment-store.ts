import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { Injectable } from '@nestjs/common';

import { AppConfig } from '../core/config/app-config.service';

export interface StoredFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

/**
 * Attachment bytes on disk (ATTACHMENT_DIR), outside the table rows. Writes are staged: `stage` puts the
 * file under a temporary name, and the caller either `commit`s it after its transaction committed or
 * `discard`s it — so a failed request leaves no orphan file and no row without its file.
 */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.get('ATTACHMENT_DIR'));
  }

  async stage(tenantId: string, bytes: Buffer): Promise<StoredFile & { stagedPath: string }> {
    const storageKey = `${tenantId}/${randomUUID()}`;
    const stagedPath = join(this.root, '.staging', storageKey.replace('/', '-'));
    await mkdir(dirname(stagedPath), { recursive: true });
    await writeFile(stagedPath, bytes, { flag: 'wx', mode: 0o600 });
    return { sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, stagedPath, storageKey };
  }

  async commit(staged: { stagedPath: string; storageKey: string }): Promise<void> {
    const target = this.path(staged.storageKey);
    await mkdir(dirname(target), { recursive: true });
    await rename(staged.stagedPath, target);
  }

  async discard(staged: { stagedPath: string }): Promise<void> {
    await rm(staged.stagedPath, { force: true });
  }

  /** Undo a `commit` whose database transaction then failed. */
  async remove(storageKey: string): Promise<void> {
    await rm(this.path(storageKey), { force: true });
  }

  open(storageKey: string): ReadStream {
    return createReadStream(this.path(storageKey));
  }

  private path(storageKey: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error('Malformed storage key');
    return join(this.root, storageKey);
  }
}
