"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.publishFormBody = publishFormBody;
/**
 * The publish form's static markup (no value from the store goes in here:
 * the page fills every field as text). Labels name each control for screen
 * readers; the datalists are filled from the store as the user types.
 */
function publishFormBody() {
    return `<main class="form">
<h1>Publish Event <span id="store" class="store"></span></h1>
<div class="field">
<label for="eventType">Event type</label>
<div class="row"><input id="eventType" list="eventTypes" autocomplete="off" spellcheck="false" placeholder="trade_executed"><button id="template" type="button" title="Replace the data with a template from the type's schema (defaults and required fields)">Fill from Schema</button></div>
<datalist id="eventTypes"></datalist>
</div>
<div class="field">
<label for="data">Data (JSON) <span id="schema" class="hint"></span></label>
<textarea id="data" rows="12" spellcheck="false" aria-describedby="problems"></textarea>
</div>
<div class="grid">
<div class="field"><label for="aggregateId">Aggregate</label><input id="aggregateId" list="aggregateId-list" autocomplete="off" spellcheck="false" placeholder="(none)"><datalist id="aggregateId-list"></datalist></div>
<div class="field"><label for="correlationId">Correlation</label><input id="correlationId" list="correlationId-list" autocomplete="off" spellcheck="false" placeholder="(none)"><datalist id="correlationId-list"></datalist></div>
<div class="field"><label for="causationId">Causation (the event that caused this one)</label><input id="causationId" list="causationId-list" autocomplete="off" spellcheck="false" placeholder="(none)"><datalist id="causationId-list"></datalist></div>
<div class="field"><label for="source">Source</label><input id="source" list="source-list" autocomplete="off" spellcheck="false" placeholder="vscode"><datalist id="source-list"></datalist></div>
</div>
<ul id="problems" class="problems" role="status" aria-live="polite"></ul>
<div class="row actions"><button id="publish" type="button" class="primary" disabled>Publish</button><span id="outcome" class="outcome" role="status" aria-live="polite"></span></div>
</main>`;
}
//# sourceMappingURL=publishFormHtml.js.map