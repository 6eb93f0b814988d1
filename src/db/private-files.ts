import { chmodSync, mkdirSync } from 'node:fs';
import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Creates `path` (and its missing parents) readable only by this user, and makes it so if it existed. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

/**
 * Makes every directory under `root` 0700 and every file 0600, leaving symbolic links alone. PGlite writes the
 * database it starts from with mode 0666 whatever the umask, and some files it writes later with the umask's
 * 0644: this runs after it opens and after it closes. The data directory itself is 0700 from the start, so no
 * other user can reach those files in between.
 */
export async function makeTreePrivate(root: string): Promise<void> {
  const stats = await lstat(root);
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    if ((stats.mode & 0o777) !== 0o700) await chmod(root, 0o700);
    const entries = await readdir(root);
    for (const entry of entries) await makeTreePrivate(join(root, entry)).catch(ignoreVanished);
  } else if ((stats.mode & 0o777) !== 0o600) {
    await chmod(root, 0o600);
  }
}

/** A file the database removed while the tree was walked is no longer anyone's to read. */
function ignoreVanished(error: unknown) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
