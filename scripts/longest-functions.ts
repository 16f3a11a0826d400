/**
 * `node scripts/longest-functions.ts [--top N] [dir ...]`: the longest functions (declarations, methods,
 * arrow and function expressions) under src schema resolvers loaders, by line count, as JSON. A nested
 * function counts inside its parent and on its own line too. Used to find functions worth cutting into
 * named stages (CONTRIBUTING.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const roots = args.filter((arg, i) => arg !== '--top' && i !== topAt + 1);
const dirs = roots.length > 0 ? roots : ['src', 'schema', 'resolvers', 'loaders'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

/** A readable name: the declaration's own, else the variable, property or call it is bound to. */
const nameOf = (node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string => {
  const own = node.name?.getText(source);
  const container = ts.isClassLike(node.parent) ? `${node.parent.name?.getText(source) ?? 'class'}.` : '';
  if (own) return container + own;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 60)})`;
  return '(anonymous)';
};

type FunctionLength = { name: string; file: string; line: number; lines: number };

const lengths: FunctionLength[] = [];
for (const file of dirs.flatMap(sourceFiles)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      lengths.push({
        name: nameOf(node as ts.FunctionLikeDeclaration, source),
        file: relative(process.cwd(), file),
        line: start + 1,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

lengths.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
console.log(JSON.stringify(lengths.slice(0, top), null, 2));
