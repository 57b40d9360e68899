"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishValidator = publishValidator;
/** Schema validation for `publish`: the store's schema of the event's type and version, when there is one. */
function publishValidator(registry) {
    return (event) => {
        const broken = registry.brokenSchema(event.event_type, event.metadata.schema_version);
        if (broken) {
            return { valid: false, errors: [`its schema ${broken.file} is unusable (${broken.reason}); fix the schema before publishing ${event.event_type} events`] };
        }
        const violations = registry.validateData(event.event_type, event.metadata.schema_version, event.data);
        return {
            valid: violations.length === 0,
            errors: violations.map((v) => `data${v.instancePath.replace(/\//g, '.')} ${v.message}`),
        };
    };
}
//# sourceMappingURL=publishValidator.js.map