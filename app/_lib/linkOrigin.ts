import 'server-only';
import { headers } from 'next/headers';
import { originFromHeaders } from '@/lib/api';

/// The origin that links in e-mails start with (see `originFromHeaders`).
export async function linkOrigin(): Promise<string> {
  return originFromHeaders(await headers(), { host: 'localhost', protocol: 'http:' });
}
