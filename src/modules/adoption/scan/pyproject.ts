/**
 * Just enough TOML to read dependency declarations from a pyproject.toml: PEP 621 `[project] dependencies` and
 * `[project.optional-dependencies]`, PEP 735 `[dependency-groups]`, and Poetry's `[tool.poetry.dependencies]`,
 * `[tool.poetry.dev-dependencies]` and `[tool.poetry.group.<name>.dependencies]` tables (keys are the names).
 * Not a TOML parser: values are only scanned for strings and bracket depth.
 */

/** A requirement string (PEP 508) or a Poetry key, with the 0-based line it is on. */
export interface RequirementString {
  value: string;
  line: number;
}

interface ScannedValue {
  /** Strings that are array elements (not inline-table values), with their line. */
  elements: RequirementString[];
  /** Index of the last line the value spans. */
  endLine: number;
}

const TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const KEY_VALUE = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*/;
const POETRY_TABLE = /^tool\.poetry\.(dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/;
const POETRY_SUBTABLE = /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)\.(.+)$/;

export function parsePyproject(lines: string[]): RequirementString[] {
  const found: RequirementString[] = [];
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const header = TABLE.exec(line);
    if (header?.[1]) {
      table = unquoteKey(header[1]);
      const sub = POETRY_SUBTABLE.exec(table);
      if (sub?.[1]) found.push({ value: sub[1], line: i });
      continue;
    }
    const keyValue = KEY_VALUE.exec(line);
    if (!keyValue?.[1]) continue;
    const key = unquoteKey(keyValue[1]);
    const value = scanValue(lines, i, keyValue[0].length);
    if (table === 'project' && (key === 'dependencies' || key === 'optional-dependencies'))
      found.push(...value.elements);
    else if (table === 'project.optional-dependencies' || table === 'dependency-groups') found.push(...value.elements);
    else if (POETRY_TABLE.test(table) && key !== 'python') found.push({ value: key, line: i });
    i = value.endLine;
  }
  return found;
}

function unquoteKey(key: string): string {
  return key
    .split('.')
    .map((part) => part.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .join('.');
}

/** Walks a value from `column` of `lines[start]` to where its brackets close, collecting array-element strings. */
function scanValue(lines: string[], start: number, column: number): ScannedValue {
  const elements: RequirementString[] = [];
  const stack: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as string;
    let c = i === start ? column : 0;
    while (c < line.length) {
      const ch = line[c] as string;
      if (ch === '#') break;
      if (ch === '"' || ch === "'") {
        const end = stringEnd(line, c);
        if (stack.length > 0 && stack[stack.length - 1] === '[') {
          elements.push({ value: unescape(line.slice(c + 1, end - 1), ch), line: i });
        }
        c = end;
        continue;
      }
      if (ch === '[' || ch === '{') stack.push(ch);
      else if (ch === ']' || ch === '}') stack.pop();
      c++;
    }
    if (stack.length === 0) return { elements, endLine: i };
  }
  return { elements, endLine: lines.length - 1 };
}

/** Index just past the string starting at `start` (or the line's end when it is not closed on this line). */
function stringEnd(line: string, start: number): number {
  const quote = line[start];
  for (let c = start + 1; c < line.length; c++) {
    if (quote === '"' && line[c] === '\\') c++;
    else if (line[c] === quote) return c + 1;
  }
  return line.length;
}

function unescape(body: string, quote: string): string {
  return quote === '"' ? body.replace(/\\(["\\])/g, '$1') : body;
}
