import { chromium, type Browser } from 'playwright-core';

/// The system Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) with the flags this sandbox
/// needs: headless, no downloads, no background traffic. Used by the browser tests and screenshots.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
