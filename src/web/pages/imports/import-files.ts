const UPLOADABLE = /\.(ya?ml|tar\.gz|tgz|zip)$/i;

/** What an upload sends: descriptor files (YAML) and catalog archives, outside node_modules and dot-folders, as the CLI. */
export function isUploadable(file: File): boolean {
  const parts = uploadPath(file).split('/');
  return UPLOADABLE.test(file.name) && !parts.slice(0, -1).some((p) => p === 'node_modules' || p.startsWith('.'));
}

/** A chosen file with the path it had in its folder (a folder pick keeps `webkitRelativePath`). */
export function uploadPath(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** The source an upload replaces by default: the folder's name, or the one file's name; several files: `upload`. */
export function defaultSource(files: File[]): string {
  const first = files[0];
  if (!first) return 'upload';
  const folder = first.webkitRelativePath.split('/')[0];
  if (first.webkitRelativePath && folder) return `upload:${folder}`;
  return files.length === 1 ? `upload:${first.name}` : 'upload';
}
