import { launchChromium } from './chromium';

// Screenshots of pages of a running Lawbench, for the README and for looking at what we build:
//   tsx scripts/screenshot.ts http://localhost:3000 out-dir [email] path[@width] …
const [base, outDir, email, ...paths] = process.argv.slice(2);
if (!base || !outDir || paths.length === 0) {
  console.error('usage: tsx scripts/screenshot.ts BASE_URL OUT_DIR EMAIL|- PATH[@WIDTH]…');
  process.exit(1);
}
const browser = await launchChromium();
try {
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
  if (email !== '-') {
    const res = await context.request.post('/api/v1/session', { data: { email, password: process.env.DEMO_PASSWORD || 'lawbench-demo' } });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  }
  for (const spec of paths) {
    const [path, width] = spec.split('@');
    const page = await context.newPage();
    await page.setViewportSize({ width: Number(width || 1280), height: Number(width || 1280) < 500 ? 800 : 900 });
    await page.goto(path);
    const file = `${outDir}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width || 1280}.png`;
    await page.screenshot({ path: file, fullPage: process.env.SHOT_VIEWPORT !== '1' });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
