"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReplaySession = void 0;
const path = __importStar(require("node:path"));
const loadConfig_1 = require("../engine/config/loadConfig");
const openStore_1 = require("../engine/openStore");
const loadSchemaRegistry_1 = require("../engine/schema/loadSchemaRegistry");
const storeFold_1 = require("../engine/state/fold/storeFold");
const integrityRules_1 = require("../engine/validate/integrityRules");
const aggregateStates_1 = require("./aggregateStates");
const eventCache_1 = require("./eventCache");
const replayPlan_1 = require("./replayPlan");
/** Causation chains are cut here (a cycle or a runaway chain must not hang the Call Stack). */
const MAX_CHAIN = 64;
/**
 * The replay behind a debug session, without DAP: the store opened through
 * the engine, the events of the session (plan), the state of every
 * aggregate at every event (AggregateStates), and the causation links the
 * index keeps. The DAP session drives it; tests and other front ends could too.
 */
class ReplaySession {
    engine;
    registry;
    plan;
    cache;
    states;
    integrity;
    constructor(engine, registry, plan) {
        this.engine = engine;
        this.registry = registry;
        this.plan = plan;
        this.cache = new eventCache_1.EventCache(engine);
        this.states = new aggregateStates_1.AggregateStates(engine.storage, engine.index, this.cache);
    }
    static async open(args) {
        const storeRoot = path.resolve(args.store);
        // The store's config sits in its workspace folder, beside the store (as `eventbus` reads it from there).
        const { config } = await (0, loadConfig_1.loadConfig)(path.dirname(storeRoot));
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(storeRoot);
        const engine = await (0, openStore_1.openStore)(storeRoot, { fold: args.fold ?? config.fold, upcast: (event) => registry.upcast(event) });
        try {
            const fold = await (0, storeFold_1.resolveStoreFold)(engine.storage);
            if (fold.mode === 'projection') {
                throw new Error(`the store's fold is the projection "${fold.projection ?? ''}": the debugger folds state in its own process and never runs ` +
                    "a store's code, so it cannot step into a projection (use `eventbus rebuild --allow-projections` for its state, " +
                    'or set "fold" in the launch configuration to "shallow", "deep" or declarative reducers)');
            }
            const plan = (0, replayPlan_1.planReplay)(engine.index, args);
            if (plan.events().length === 0 && !args.follow)
                throw new Error(`no events to replay for ${plan.label} in ${storeRoot}`);
            return new ReplaySession(engine, registry, plan);
        }
        catch (error) {
            await engine.close();
            throw error;
        }
    }
    get storeRoot() {
        return this.engine.root;
    }
    indexed(ordinal) {
        return this.engine.index.event(ordinal);
    }
    async event(ordinal) {
        return this.cache.read(ordinal);
    }
    /** The state of the event's aggregate before and after it; undefined for an event without an aggregate. */
    async statesAround(ordinal) {
        const aggregateId = this.indexed(ordinal).aggregateId;
        if (aggregateId === null)
            return undefined;
        const position = this.states.positionOf(aggregateId, ordinal);
        return position < 0 ? undefined : this.states.around(aggregateId, position);
    }
    /** The event that caused this one (first holder of the causation id), if the store has it. */
    causeOf(ordinal) {
        const causation = this.indexed(ordinal).causationId;
        if (causation === null)
            return undefined;
        return this.engine.index.ordinalsOfEventId(causation)[0];
    }
    /** The event and its causes, nearest first, stopping at a cycle or MAX_CHAIN. */
    causationChain(ordinal) {
        const chain = [ordinal];
        const seen = new Set(chain);
        for (let cause = this.causeOf(ordinal); cause !== undefined && !seen.has(cause) && chain.length < MAX_CHAIN; cause = this.causeOf(cause)) {
            chain.push(cause);
            seen.add(cause);
        }
        return chain;
    }
    /** The effects of an event (the events whose causation_id is its id), in store order. */
    effectsOf(ordinal) {
        return [...this.engine.index.ordinalsCausedBy(this.indexed(ordinal).eventId)].sort((a, b) => a - b);
    }
    /** A cursor on an ordinal, at its session position when the session holds it. */
    cursorAt(ordinal, anchor) {
        const position = this.plan.events().positionOf(ordinal);
        return { ordinal, position, anchor: position >= 0 ? position : anchor };
    }
    cursorAtPosition(position) {
        return { ordinal: this.plan.events().at(position), position, anchor: position };
    }
    /** What `eventbus validate` says of this event's envelope across the store (EB013–EB018), computed once. */
    integrityProblems(ordinal) {
        if (!this.integrity) {
            this.integrity = new Map();
            for (const issue of (0, integrityRules_1.checkIntegrity)(this.engine.index)) {
                const previous = this.integrity.get(issue.ordinal);
                this.integrity.set(issue.ordinal, `${previous !== undefined ? `${previous}; ` : ''}${issue.code} ${issue.message}`);
            }
        }
        return this.integrity.get(ordinal);
    }
    /** The event's schema violations as stored (before any upcast), or undefined when it is valid. */
    async schemaProblems(ordinal) {
        const indexed = this.indexed(ordinal);
        let data;
        try {
            data = JSON.parse(await this.engine.readLine(ordinal)).data;
        }
        catch (error) {
            return `${indexed.file}:${indexed.line}: not JSON: ${error.message}`;
        }
        const violations = this.registry.validateData(indexed.eventType, indexed.schemaVersion, data);
        if (violations.length === 0)
            return undefined;
        return `${indexed.eventType} ${indexed.schemaVersion} schema: ${violations
            .slice(0, 3)
            .map((v) => `data${v.instancePath.replace(/\//g, '.')} ${v.message}`)
            .join('; ')}`;
    }
    async close() {
        await this.engine.close();
    }
}
exports.ReplaySession = ReplaySession;
//# sourceMappingURL=replaySession.js.map