import { describe, expect, it } from 'vitest';
import { originAllowed } from './authorizeCollabConnection';

describe('originAllowed (the collaboration socket’s Origin check)', () => {
  const host = 'law.example:1234';
  it.each([
    // Without a public URL: the socket's host name, the web app's port.
    ['http://law.example:3000', { port: 3000 }, true],
    ['http://law.example:3001', { port: 3000 }, false],
    ['http://law.example', { port: 3000 }, false],
    ['https://law.example', { port: 443 }, true],
    ['ftp://law.example:3000', { port: 3000 }, false],
    ['http://law.example.evil.example:3000', { port: 3000 }, false],
    ['http://evil.example:3000', { port: 3000 }, false],
    ['null', { port: 3000 }, false],
    // With one, the whole origin: scheme, host and port.
    ['https://law.example', { publicUrl: 'https://law.example/' }, true],
    ['http://law.example', { publicUrl: 'https://law.example/' }, false],
    ['https://law.example:8443', { publicUrl: 'https://law.example/' }, false],
    ['https://law.example:8443', { publicUrl: 'https://law.example:8443' }, true],
  ])('%s with %o → %s', (origin, web, ok) => expect(originAllowed(origin, host, web)).toBe(ok));
});
