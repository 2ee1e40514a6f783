import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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
 * `discard`s it — so a failed request leaves no orphan file and no row without its file. A process that dies
 * in between leaves a staging file; `cleanStaging` (maintenance, hourly) moves it into place if its row
 * committed and deletes it otherwise.
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

  /**
   * After the transaction that inserted their rows committed: moves each staged file into place. A move that
   * fails is left in staging for `cleanStaging`, which moves it once its row is found; returns how many failed.
   */
  async commitAll(staged: readonly { stagedPath: string; storageKey: string }[]): Promise<number> {
    const results = await Promise.allSettled(staged.map((file) => this.commit(file)));
    return results.filter((result) => result.status === 'rejected').length;
  }

  async discard(staged: { stagedPath: string }): Promise<void> {
    await rm(staged.stagedPath, { force: true });
  }

  /**
   * Staging files older than `maxAgeMs`: moved into place when `committed` names their storage key (the row
   * committed but the process died before the move), else deleted.
   */
  async cleanStaging(
    maxAgeMs: number,
    committed: (storageKeys: readonly string[]) => Promise<ReadonlySet<string>>,
  ): Promise<{ removed: number; restored: number }> {
    const dir = join(this.root, '.staging');
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const cutoff = Date.now() - maxAgeMs;
    const stale: { name: string; storageKey: string | null }[] = [];
    for (const name of names) {
      const info = await stat(join(dir, name)).catch(() => null);
      if (!info?.isFile() || info.mtimeMs > cutoff) continue;
      // `<tenant uuid>-<file uuid>` (see `stage`): both uuids are 36 characters.
      const storageKey = /^[0-9a-f-]{36}-[0-9a-f-]{36}$/.test(name) ? `${name.slice(0, 36)}/${name.slice(37)}` : null;
      stale.push({ name, storageKey });
    }
    const keys = stale.flatMap((file) => (file.storageKey ? [file.storageKey] : []));
    const keep = keys.length > 0 ? await committed(keys) : new Set<string>();
    let removed = 0;
    let restored = 0;
    for (const file of stale) {
      const stagedPath = join(dir, file.name);
      if (file.storageKey && keep.has(file.storageKey)) {
        await this.commit({ stagedPath, storageKey: file.storageKey });
        restored++;
      } else {
        await rm(stagedPath, { force: true });
        removed++;
      }
    }
    return { removed, restored };
  }

  open(storageKey: string): ReadStream {
    return createReadStream(this.path(storageKey));
  }

  private path(storageKey: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error('Malformed storage key');
    return join(this.root, storageKey);
  }
}
