/// Sent with every answer: no type sniffing, no framing by other sites, referrers without paths
/// across sites, no powerful browser features. (The Content-Security-Policy, whose nonce changes
/// with every answer, is set in proxy.ts.)
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['pdfkit', 'better-sqlite3', '@node-rs/argon2', '@node-rs/jieba'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
