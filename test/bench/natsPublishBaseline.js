#!/usr/bin/env node
// The bare-client baseline of `eventbus copy --to nats://…`: reads a store's
// day files in order and publishes each event line as it is, on the same
// literal subject per aggregate (`<prefix>.<aggregate>`), with its event id
// as Nats-Msg-Id, 1,000 publishes in flight at a time; nothing else.
// Usage: natsPublishBaseline.js STORE NATS_URL STREAM
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const zlib = require('node:zlib');
const { connect } = require('@nats-io/transport-node');
const { jetstream, jetstreamManager } = require('@nats-io/jetstream');

const PLAIN_ID = /^[A-Za-z0-9_-]+$/;
const token = (id) => (id === null || id === undefined || id === '' ? '~' : PLAIN_ID.test(id) ? id : `~${Buffer.from(id, 'utf8').toString('base64url')}`);

async function main() {
  const [store, url, stream] = process.argv.slice(2);
  const prefix = stream.toLowerCase();
  const nc = await connect({ servers: url.replace('nats://', '') });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: stream, subjects: [`${prefix}.>`] });
  const js = jetstream(nc);
  const dir = path.join(store, 'events');
  let pending = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.jsonl(\.gz)?$/.test(f)).sort()) {
    const input = fs.createReadStream(path.join(dir, file));
    const lines = readline.createInterface({ input: file.endsWith('.gz') ? input.pipe(zlib.createGunzip()) : input, crlfDelay: Infinity });
    for await (const line of lines) {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        continue; // not an event: the copy leaves it out too
      }
      if (!event || typeof event !== 'object' || typeof event.event_type !== 'string') continue;
      pending.push(js.publish(`${prefix}.${token(event.metadata?.aggregate_id)}`, line, { msgID: event.metadata?.event_id }));
      if (pending.length >= 1000) {
        await Promise.all(pending);
        pending = [];
      }
    }
  }
  await Promise.all(pending);
  await nc.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
