"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kindOf = kindOf;
/** "a string", "an array", "null"...: how a wrong value is named in messages. */
function kindOf(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'number')
        return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
    if (typeof value === 'boolean')
        return `${value}`;
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    return typeof value;
}
//# sourceMappingURL=describeValue.js.map