/** A descriptor file as read from disk, an upload or a Backstage API page. */
export interface CatalogFile {
  path: string;
  content: string;
}
