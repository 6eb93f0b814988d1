// The Markdown reader lives in src/shared (the server renders release notes into feeds with it too).
export * from '../../shared/markdown.js';
