import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseStoreLocation, redactUrl } from '../../src/engine/backends/storeLocation';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('where a store lives', () => {
  it('a URL by its scheme; anything else is a folder, even one named like a backend', () => {
    assert.deepEqual(parseStoreLocation('postgres://me@127.0.0.1:5432/events?schema=bus'), { kind: 'postgres', url: 'postgres://me@127.0.0.1:5432/events?schema=bus' });
    assert.deepEqual(parseStoreLocation('postgresql://me@db/events'), { kind: 'postgres', url: 'postgresql://me@db/events' });
    assert.deepEqual(parseStoreLocation('nats://127.0.0.1:4222?stream=events'), { kind: 'nats', url: 'nats://127.0.0.1:4222?stream=events' });
    assert.deepEqual(parseStoreLocation('postgres'), { kind: 'folder', path: 'postgres' });
    assert.deepEqual(parseStoreLocation('./stores/postgres:/x'), { kind: 'folder', path: './stores/postgres:/x' });
    assert.throws(() => parseStoreLocation('kafka://broker/topic'), /unknown kind of store "kafka:\/\/" \(expected a folder, postgres:\/\/… or nats:\/\/…\)/);
  });

  it('never shows a password', () => {
    assert.equal(redactUrl('postgres://me:s3cret@db:5432/events'), 'postgres://me:***@db:5432/events');
    assert.equal(redactUrl('postgres://me@db/events'), 'postgres://me@db/events');
    assert.equal(redactUrl('postgres://me:s3cret@[bad'), 'postgres://me:***@[bad');
  });

  it('a folder-only command given a URL says so in one line, exit 2, without the password', () => {
    const result = spawnSync(process.execPath, [CLI, 'stats', '--store', 'postgres://me:s3cret@127.0.0.1:1/events'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/events: this command reads store folders only so far/);
    assert.doesNotMatch(result.stderr, /s3cret/);
  });
});
