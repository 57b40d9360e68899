"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.templateFromSchema = templateFromSchema;
exports.requiredProperties = requiredProperties;
/**
 * A starting value for an event's data from its JSON Schema: what a form
 * pre-fills so the user edits rather than types from nothing. Every
 * `default` is used as written; required properties without one get a
 * placeholder of their type (the first `enum`/`const`/`examples` value
 * when there is one, else "" / 0 / false / [] / {}); optional properties
 * without a default are left out. Refs and combinators are not followed
 * (a template is a hint, validation is ajv's): their value is `null`.
 */
const MAX_DEPTH = 8;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function templateFromSchema(schema) {
    return valueOf(schema, 0);
}
function valueOf(schema, depth) {
    if (!isObject(schema))
        return {};
    if ('default' in schema)
        return structuredClone(schema.default);
    if ('const' in schema)
        return structuredClone(schema.const);
    if (Array.isArray(schema.enum) && schema.enum.length > 0)
        return structuredClone(schema.enum[0]);
    if (Array.isArray(schema.examples) && schema.examples.length > 0)
        return structuredClone(schema.examples[0]);
    switch (firstType(schema)) {
        case 'object':
            return depth >= MAX_DEPTH ? {} : objectOf(schema, depth);
        case 'array':
            return [];
        case 'string':
            return '';
        case 'integer':
        case 'number':
            return typeof schema.minimum === 'number' ? schema.minimum : 0;
        case 'boolean':
            return false;
        case 'null':
            return null;
        default:
            return isObject(schema.properties) ? objectOf(schema, depth) : null;
    }
}
function objectOf(schema, depth) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : []);
    const out = {};
    for (const [key, property] of Object.entries(properties)) {
        if (required.has(key) || (isObject(property) && 'default' in property))
            out[key] = valueOf(property, depth + 1);
    }
    // Required names the schema lists but does not describe still need a key.
    for (const key of required)
        if (!(key in out))
            out[key] = null;
    return out;
}
function firstType(schema) {
    const type = schema.type;
    if (typeof type === 'string')
        return type;
    if (Array.isArray(type))
        return type.find((t) => typeof t === 'string' && t !== 'null') ?? (type.includes('null') ? 'null' : undefined);
    return undefined;
}
/** The names `required` lists at the top of the schema (the form marks them). */
function requiredProperties(schema) {
    return isObject(schema) && Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : [];
}
//# sourceMappingURL=schemaTemplate.js.map