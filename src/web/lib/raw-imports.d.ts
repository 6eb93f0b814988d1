/** Vite's `?raw` suffix: the file's text, bundled (the definitions page reads docs/definitions.md this way). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
