import ts from 'typescript';

/** Handlers that drop an error on purpose: each needs a comment at the call saying why silence is right. */
const SILENT_DROPS = new Set(['ignoreError', 'rethrowIfAssertion']);

export interface Finding {
  line: number;
  problem: string;
}

/**
 * Where a file's error handling could swallow an assertion failure or drop an error without
 * a word: a catch block that does not start with `rethrowIfAssertion(<its error>)`, a
 * rejection handler (`.catch(h)`, `.then(_, h)`) that neither starts with it nor is
 * `warnDropped(...)`, and a silent drop (`ignoreError`) with no comment saying why.
 */
export function errorHandlingFindings(path: string, text: string): Finding[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const hasCommentNear = (node: ts.Node): boolean => {
    const line = lineOf(node);
    const lines = text.split('\n');
    // On the handler's line, or on the lines just above its statement.
    for (let at = line - 1; at >= Math.max(0, line - 4); at--)
      if ((lines[at] ?? '').includes('//') || (lines[at] ?? '').trimStart().startsWith('*')) return true;
    return false;
  };
  const startsWithRethrow = (body: ts.Block, parameter: string): boolean => {
    const first = body.statements[0];
    if (!first || !ts.isExpressionStatement(first) || !ts.isCallExpression(first.expression)) return false;
    const call = first.expression;
    return ts.isIdentifier(call.expression) && call.expression.text === 'rethrowIfAssertion' && call.arguments[0]?.getText(source) === parameter;
  };
  const checkHandler = (handler: ts.Expression, kind: string): void => {
    if (ts.isIdentifier(handler)) {
      if (SILENT_DROPS.has(handler.text) && !hasCommentNear(handler))
        findings.push({ line: lineOf(handler), problem: `${kind}(${handler.text}) drops errors without a comment saying why` });
      return;
    }
    if (ts.isCallExpression(handler) && ts.isIdentifier(handler.expression) && handler.expression.text === 'warnDropped') return;
    if (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) {
      const parameter = handler.parameters[0]?.name.getText(source);
      if (!parameter) {
        findings.push({ line: lineOf(handler), problem: `${kind} handler ignores the error it gets (use warnDropped, or ignoreError with a comment)` });
      } else if (!ts.isBlock(handler.body) || !startsWithRethrow(handler.body, parameter)) {
        findings.push({ line: lineOf(handler), problem: `${kind} handler must start with rethrowIfAssertion(${parameter}) (or be warnDropped)` });
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCatchClause(node)) {
      const binding = node.variableDeclaration?.name.getText(source);
      if (!binding) findings.push({ line: lineOf(node), problem: 'catch without a binding cannot rethrow an assertion failure' });
      else if (!startsWithRethrow(node.block, binding))
        findings.push({ line: lineOf(node), problem: `catch block must start with rethrowIfAssertion(${binding})` });
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'catch' && node.arguments.length === 1) checkHandler(node.arguments[0]!, '.catch');
      if (method === 'then' && node.arguments.length === 2) checkHandler(node.arguments[1]!, '.then');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
