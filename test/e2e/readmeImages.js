#!/usr/bin/env node
// The README's images, made with the same chromium the tests use (no image
// tools needed):
//   node test/e2e/readmeImages.js           copies chosen screenshots of the
//       last UI run (test-results/ui/) to media/screenshots/, scaled down to
//       stay small (fails when one is over MAX_BYTES)
//   node test/e2e/readmeImages.js debugger.png …   only these README files
//       (after a UI run of only the steps that take them: --only)
//   node test/e2e/readmeImages.js --icon    draws media/icon.png (128x128,
//       the marketplace icon) from media/eventbus.svg
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchChromium } = require('./browser');

const root = path.resolve(__dirname, '..', '..');
const shotsDir = path.join(root, 'test-results', 'ui');
const outDir = path.join(root, 'media', 'screenshots');
const MAX_BYTES = 150 * 1024;

/**
 * UI step screenshot (by the name after its number) → README file: the part
 * of the 1280x800 shot to keep (`clip`, default all) and the width it is
 * scaled to. Scaling blurs text into many colours, which PNG packs badly:
 * busy shots are cropped instead.
 */
const CHOSEN = [
  { step: 'explorer', file: 'explorer.png', width: 900 },
  { step: 'inspector', file: 'inspector.png', clip: { x: 348, y: 70, width: 932, height: 500 }, width: 932 },
  { step: 'timeline', file: 'timeline.png', width: 960 },
  { step: 'problems', file: 'problems.png', clip: { x: 348, y: 515, width: 932, height: 285 }, width: 932 },
  // The flows of the editor-flows issue, by the file their step saves (`source`).
  { source: 'query-box.png', file: 'query.png', width: 900 },
  { source: 'publish-form-invalid.png', file: 'publish-form.png', clip: { x: 348, y: 70, width: 932, height: 530 }, width: 932 },
  { source: 'replay-correlation.png', file: 'replay.png', clip: { x: 348, y: 35, width: 932, height: 730 }, width: 932 },
  { source: 'inspector-slider-play.png', file: 'inspector-play.png', clip: { x: 348, y: 35, width: 932, height: 730 }, width: 932 },
  { source: 'timeline.png', file: 'timeline-navigation.png', clip: { x: 348, y: 35, width: 470, height: 740 }, width: 470 },
  // Stopped on a breakpoint in a day file: Variables, Call Stack, the line (the notifications corner left out).
  { source: 'debugger.png', file: 'debugger.png', clip: { x: 0, y: 35, width: 820, height: 480 }, width: 820 },
];

async function withPage(viewport, body) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'eventbus-images-'));
  const context = await launchChromium(profile, process.env, viewport);
  try {
    return await body(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function drawIcon() {
  const svg = fs.readFileSync(path.join(root, 'media', 'eventbus.svg'), 'utf8').replace(/currentColor/g, '#ffffff');
  const html = `<!DOCTYPE html><html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;background:linear-gradient(135deg,#2b6cb0,#1a365d);display:flex;align-items:center;justify-content:center">
<div style="width:96px;height:96px">${svg.replace('width="24" height="24"', 'width="96" height="96"')}</div></div></body></html>`;
  const out = path.join(root, 'media', 'icon.png');
  await withPage({ width: 128, height: 128 }, async (page) => {
    await page.setContent(html);
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  });
  console.log(`media/icon.png: ${fs.statSync(out).size} bytes`);
}

async function copyScreenshots() {
  if (!fs.existsSync(shotsDir)) throw new Error(`${shotsDir} does not exist: run node test/e2e/runUiTests.js first`);
  const shots = fs.readdirSync(shotsDir);
  fs.mkdirSync(outDir, { recursive: true });
  let tooBig = 0;
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  for (const chosen of CHOSEN.filter((c) => wanted.length === 0 || wanted.includes(c.file))) {
    const source = chosen.source ? shots.find((name) => name === chosen.source) : shots.find((name) => name.replace(/^\d+-/, '').startsWith(chosen.step));
    if (!source) throw new Error(`no screenshot ${chosen.source ?? `of the ${chosen.step} step`} in ${shotsDir}`);
    const bytes = fs.readFileSync(path.join(shotsDir, source));
    // The UI runs at 1280x800.
    const clip = chosen.clip ?? { x: 0, y: 0, width: 1280, height: 800 };
    const scale = chosen.width / clip.width;
    const height = Math.round(clip.height * scale);
    const out = path.join(outDir, chosen.file);
    await withPage({ width: chosen.width, height }, async (page) => {
      const image = `data:image/png;base64,${bytes.toString('base64')}`;
      await page.setContent(
        `<body style="margin:0;overflow:hidden"><img style="width:${1280 * scale}px;display:block;margin:${-clip.y * scale}px 0 0 ${-clip.x * scale}px" src="${image}"></body>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      await page.screenshot({ path: out });
    });
    const size = fs.statSync(out).size;
    if (size > MAX_BYTES) tooBig++;
    console.log(`media/screenshots/${chosen.file}: ${chosen.width}x${height}, ${(size / 1024).toFixed(0)} KB${size > MAX_BYTES ? ' (over the limit)' : ''}`);
  }
  if (tooBig > 0) throw new Error(`${tooBig} screenshot(s) over ${MAX_BYTES / 1024} KB: choose a smaller width in CHOSEN`);
}

(process.argv.includes('--icon') ? drawIcon() : copyScreenshots()).catch((error) => {
  console.error(`readmeImages: ${error.message}`);
  process.exit(1);
});
