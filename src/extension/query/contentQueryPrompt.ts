import * as vscode from 'vscode';
import { QueryMatchesRequest } from '../../shared/queryProtocol';
import type { SendRequest } from '../views/sources/requester';
import { humanError } from './queryAnswers';

/**
 * An input box for a content query, checked by the server as the user
 * types: the problem with its column, or the match count as information.
 * Resolves with the query ('' clears it), or undefined when cancelled.
 */
export async function promptContentQuery(send: SendRequest, store: string, current: string, title: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'e.g. data.quantity > 10 and type == "trade_executed" · source == "api" · time >= "2024-01-15" · "some text" (empty: no query)',
    value: current,
    validateInput: async (text) => {
      if (text.trim() === '') return undefined;
      try {
        const answer = await send(QueryMatchesRequest.type, { store, where: text });
        if (!answer.ok) return { message: `Column ${answer.problem.column}: ${answer.problem.reason}`, severity: vscode.InputBoxValidationSeverity.Error };
        return { message: `${answer.matched.toLocaleString('en')} of ${answer.total.toLocaleString('en')} events match`, severity: vscode.InputBoxValidationSeverity.Info };
      } catch (error) {
        return { message: humanError(error), severity: vscode.InputBoxValidationSeverity.Warning };
      }
    },
  });
}
