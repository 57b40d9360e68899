import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storeLabel } from '../../src/extension/views/model/pathNames';

describe('store labels in the views and the timeline', () => {
  it('name a folder’s usual store by the folder, and any other store of it with its path inside', () => {
    assert.equal(storeLabel('/ws/shop/event_store', '/ws/shop'), 'shop');
    assert.equal(storeLabel('/ws/shop/other_store', '/ws/shop'), 'shop · other_store');
    assert.equal(storeLabel('/ws/shop/data/stores/b/', '/ws/shop/'), 'shop · data/stores/b');
    assert.notEqual(storeLabel('/ws/shop/event_store', '/ws/shop'), storeLabel('/ws/shop/archive', '/ws/shop'), 'two stores of one folder never look alike');
  });

  it('name a store outside every folder by its parent and its own name, on Windows paths too', () => {
    assert.equal(storeLabel('/mnt/backups/event_store', null), 'backups/event_store');
    assert.equal(storeLabel('C:\\work\\shop\\event_store', 'C:\\work\\shop'), 'shop');
    assert.equal(storeLabel('D:\\elsewhere\\store', 'C:\\work\\shop'), 'elsewhere/store');
    assert.equal(storeLabel('/store', undefined), 'store');
  });
});
