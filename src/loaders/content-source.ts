/**
 * A content file read as its editor wrote it: the YAML (a whole `.yaml` file, or a Markdown
 * file's frontmatter) with the line of every field, so a message can say "line 7".
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';

export interface SourceFile {
  /** The YAML's data, as strings where the editor wrote dates (YAML 1.2 core schema). */
  data: unknown;
  /** Line in the file (1 first) of the field at `path`, or of its nearest parent that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Syntax problems, e.g. 'line 3: …', before any schema can look at the file. */
  syntaxErrors: string[];
}

const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Reads `text` as YAML, or as Markdown with YAML frontmatter when `markdown` is true. */
export function readSource(text: string, markdown: boolean): SourceFile {
  let yamlText = text;
  // The frontmatter starts on the line after the opening `---`.
  let firstLine = 1;
  if (markdown) {
    const match = frontmatter.exec(text);
    yamlText = match?.[1] ?? '';
    firstLine = 2;
    if (!match) {
      return {
        data: {},
        lineOf: () => 1,
        syntaxErrors: ['line 1: the file must start with the fields between two lines of ---'],
      };
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  const syntaxErrors = unique(
    doc.errors.map(
      (error) =>
        `line ${lineAt(error.pos[0])}: the YAML is not valid here (${firstSentence(error.message)})`,
    ),
  );
  return {
    data: syntaxErrors.length > 0 ? {} : doc.toJS(),
    syntaxErrors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = node ? lineOfNode(node as Node, lineAt) : undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => (item.key as { value?: unknown } | null)?.value === key,
          );
          if (!pair) break;
          line = lineOfNode(pair.key as Node, lineAt) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          if (!node) break;
          line = lineOfNode(node as Node, lineAt) ?? line;
        } else break;
      }
      return line;
    },
  };
}

const unique = (lines: string[]) => [...new Set(lines)];

function lineOfNode(node: Node, lineAt: (offset: number) => number): number | undefined {
  return node.range ? lineAt(node.range[0]) : undefined;
}

// The parser's messages end with a code excerpt the editor already sees in the file.
function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
