"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSchemaOf = dataSchemaOf;
exports.propertiesOf = propertiesOf;
exports.schemaAt = schemaAt;
exports.allowedValuesOf = allowedValuesOf;
exports.placeholderFor = placeholderFor;
exports.describeProperty = describeProperty;
function isNode(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** The schema an event's data is checked against: the line's version when it has a schema, else the newest that has one. */
function dataSchemaOf(registry, eventType, version) {
    const chosen = version !== undefined && registry.hasSchema(eventType, version) ? version : registry.schemaInfo(eventType)?.version;
    if (chosen === undefined)
        return undefined;
    const schema = registry.schemaOf(eventType, chosen);
    return isNode(schema) ? schema : undefined;
}
/** Follows `$ref: '#/…'` within the same document (a few hops at most, so a cycle cannot hang). */
function resolve(root, node) {
    let current = node;
    for (let hops = 0; hops < 8 && typeof current.$ref === 'string' && current.$ref.startsWith('#'); hops++) {
        let target = root;
        for (const part of current.$ref.slice(1).split('/').filter(Boolean)) {
            const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
            target = isNode(target) ? target[key] : undefined;
        }
        if (!isNode(target))
            break;
        current = target;
    }
    return current;
}
/** The node and its `allOf` parts, resolved. */
function parts(root, node) {
    const self = resolve(root, node);
    const all = Array.isArray(self.allOf) ? self.allOf.filter(isNode).map((n) => resolve(root, n)) : [];
    return [self, ...all];
}
/** The properties an object schema declares, required ones first (each group in schema order). */
function propertiesOf(root, node) {
    const schemas = new Map();
    const required = new Set();
    for (const part of parts(root, node)) {
        if (isNode(part.properties)) {
            for (const [name, schema] of Object.entries(part.properties))
                if (isNode(schema) && !schemas.has(name))
                    schemas.set(name, resolve(root, schema));
        }
        if (Array.isArray(part.required))
            for (const name of part.required)
                if (typeof name === 'string')
                    required.add(name);
    }
    const all = [...schemas].map(([name, schema]) => ({ name, schema, required: required.has(name) }));
    return [...all.filter((p) => p.required), ...all.filter((p) => !p.required)];
}
/** The schema of the value at `segments` below `node` (e.g. ['indicators', 'rsi']). */
function schemaAt(root, node, segments) {
    let current = resolve(root, node);
    for (const segment of segments) {
        if (!current)
            return undefined;
        let next;
        for (const part of parts(root, current)) {
            if (typeof segment === 'string' && isNode(part.properties) && isNode(part.properties[segment]))
                next = part.properties[segment];
            else if (typeof segment === 'number' && isNode(part.items))
                next = part.items;
            else if (typeof segment === 'number' && Array.isArray(part.items) && isNode(part.items[segment]))
                next = part.items[segment];
            if (next)
                break;
        }
        current = next ? resolve(root, next) : undefined;
    }
    return current;
}
/** Values a schema allows outright: its enum, its const, or true/false for a boolean. */
function allowedValuesOf(root, node) {
    for (const part of parts(root, node)) {
        if (Array.isArray(part.enum))
            return [...part.enum];
        if ('const' in part)
            return [part.const];
    }
    return typesOf(resolve(root, node)).includes('boolean') ? [true, false] : [];
}
function typesOf(node) {
    if (typeof node.type === 'string')
        return [node.type];
    return Array.isArray(node.type) ? node.type.filter((t) => typeof t === 'string') : [];
}
/**
 * A value to fill in for a missing property: the schema's default, else its
 * const or first enum value, else an empty value of its type (objects get
 * their own required properties filled the same way).
 */
function placeholderFor(root, node, depth = 0) {
    const self = resolve(root, node);
    if ('default' in self)
        return self.default;
    const allowed = allowedValuesOf(root, self);
    if (allowed.length > 0 && !typesOf(self).includes('boolean'))
        return allowed[0];
    const type = typesOf(self).find((t) => t !== 'null') ?? (isNode(self.properties) ? 'object' : typesOf(self)[0]);
    switch (type) {
        case 'string':
            return '';
        case 'number':
        case 'integer':
            // The smallest value the bounds allow, so the placeholder itself validates.
            if (typeof self.minimum === 'number')
                return self.minimum;
            if (typeof self.exclusiveMinimum === 'number')
                return self.exclusiveMinimum + 1;
            return 0;
        case 'boolean':
            return false;
        case 'array':
            return [];
        case 'object': {
            const object = {};
            if (depth < 4)
                for (const p of propertiesOf(root, self))
                    if (p.required)
                        object[p.name] = placeholderFor(root, p.schema, depth + 1);
            return object;
        }
        default:
            return null;
    }
}
/** One line of a property's schema for completion details: its type and description. */
function describeProperty(node) {
    const type = typesOf(node).join(' | ');
    const description = typeof node.description === 'string' ? node.description : '';
    return [type, description].filter(Boolean).join(' — ');
}
//# sourceMappingURL=schemaNavigation.js.map