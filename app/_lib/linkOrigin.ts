import 'server-only';
import { headers } from 'next/headers';
import { originFromHeaders } from '@/lib/api';

/// The origin that absolute links a page hands out start with: in e-mails, and the feed addresses
/// on /feeds (see `originFromHeaders`).
export async function linkOrigin(): Promise<string> {
  return originFromHeaders(await headers(), { host: 'localhost', protocol: 'http:' });
}
