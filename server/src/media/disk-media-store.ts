import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertDerivedName, assertSha256, assertUploadId, type MediaStore } from './media-store.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The media store on local disk under `root` (<data dir>/media): uploads/<id>.part, blobs/<ab>/<sha256>,
 * derived/<sha256>/<name>, tmp/. Directories are made on first write, so an instance that never
 * receives a recording leaves no trace.
 */
export function createDiskMediaStore(root: string): MediaStore {
  const uploadFile = (id: string) => path.join(root, 'uploads', `${assertUploadId(id)}.part`);
  const blobFile = (sha: string) => path.join(root, 'blobs', assertSha256(sha).slice(0, 2), sha);
  const derivedFile = (sha: string, name: string) => path.join(root, 'derived', assertSha256(sha), assertDerivedName(name));

  return {
    async writeUploadChunk(uploadId, offset, bytes) {
      const file = uploadFile(uploadId);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const handle = await fs.open(file, offset === 0 ? 'w' : 'r+');
      try {
        await handle.write(bytes, 0, bytes.byteLength, offset);
      } finally {
        await handle.close();
      }
    },
    async finishUpload(uploadId, sizeBytes) {
      const file = uploadFile(uploadId);
      await fs.truncate(file, sizeBytes);
      return file;
    },
    async discardUpload(uploadId) {
      await fs.rm(uploadFile(uploadId), { force: true });
    },
    async listUploadIds() {
      const names = await fs.readdir(path.join(root, 'uploads')).catch((error: unknown) => (isMissing(error) ? [] : Promise.reject(error)));
      const uuid = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.part$/;
      return names.flatMap((name) => uuid.exec(name)?.[1] ?? []);
    },
    async sweepScratch(olderThanMs) {
      const dir = path.join(root, 'tmp');
      const names = await fs.readdir(dir).catch((error: unknown) => (isMissing(error) ? [] : Promise.reject(error)));
      let removed = 0;
      for (const name of names) {
        const file = path.join(dir, name);
        // A transcode in progress keeps writing its file, so only files nobody has touched for a while go.
        const stat = await fs.stat(file).catch(() => null);
        if (!stat || Date.now() - stat.mtimeMs < olderThanMs) continue;
        await fs.rm(file, { recursive: true, force: true });
        removed += 1;
      }
      return removed;
    },
    async scratchPath(suffix) {
      const dir = path.join(root, 'tmp');
      await fs.mkdir(dir, { recursive: true });
      return path.join(dir, `${randomUUID()}${suffix.replace(/[^a-z0-9.]/g, '')}`);
    },
    async putBlob(sha256, localPath) {
      const file = blobFile(sha256);
      await fs.mkdir(path.dirname(file), { recursive: true });
      if ((await this.blobSize(sha256)) !== null) await fs.rm(localPath, { force: true });
      else await fs.rename(localPath, file);
    },
    async blobSize(sha256) {
      try {
        return (await fs.stat(blobFile(sha256))).size;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    blobPath: blobFile,
    readBlob(sha256, range) {
      return createReadStream(blobFile(sha256), { start: range.start, end: range.end });
    },
    async deleteBlob(sha256) {
      await fs.rm(blobFile(sha256), { force: true });
      await fs.rm(path.join(root, 'derived', sha256), { recursive: true, force: true });
    },
    async putDerived(sha256, name, text) {
      const file = derivedFile(sha256, name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const temporary = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(temporary, text);
      await fs.rename(temporary, file);
    },
    async readDerived(sha256, name) {
      try {
        return await fs.readFile(derivedFile(sha256, name), 'utf8');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}
