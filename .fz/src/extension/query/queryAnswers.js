"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.countMatches = countMatches;
exports.humanError = humanError;
const queryProtocol_1 = require("../../shared/queryProtocol");
const errorText_1 = require("../errorText");
/**
 * The query's matches over every open store (the views list them all), or
 * the problem reading it (the same in every store: the language is one).
 */
async function countMatches(send, registry, text) {
    if (text.trim() === '')
        return { kind: 'idle' };
    const stores = registry.stores.length > 0 ? registry.stores.map((s) => s.storeRoot) : [undefined];
    let matched = 0;
    let total = 0;
    for (const store of stores) {
        let answer;
        try {
            answer = await send(queryProtocol_1.QueryMatchesRequest.type, { ...(store !== undefined ? { store } : {}), where: text });
        }
        catch (error) {
            return { kind: 'failed', message: humanError(error) };
        }
        if (!answer.ok)
            return { kind: 'problem', column: answer.problem.column, reason: answer.problem.reason };
        matched += answer.matched;
        total += answer.total;
    }
    return { kind: 'matches', matched, total };
}
/** A server error as a person reads it: without the JSON-RPC wrapping ("Request eventbus/… failed with message: …"). */
function humanError(error) {
    const message = (0, errorText_1.editorErrorText)(error);
    return message.replace(/^Request \S+ failed with message:\s*/i, '').replace(/^Request \S+ failed\.?\s*/i, '');
}
//# sourceMappingURL=queryAnswers.js.map