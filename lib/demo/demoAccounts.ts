import type { Role } from '@/lib/auth';

/// The demo logins of PRODUCT.md, with the people of the user journeys.
export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: 'admin@demo.lawbench', name: '孙管理', role: 'admin' },
  { email: 'drafter@demo.lawbench', name: '王芳', role: 'drafter' },
  { email: 'drafter2@demo.lawbench', name: '李明', role: 'drafter' },
  { email: 'reviewer@demo.lawbench', name: '赵磊', role: 'reviewer' },
  { email: 'volunteer@demo.lawbench', name: '刘洋', role: 'volunteer' },
  { email: 'citizen@demo.lawbench', name: '陈静', role: 'public' },
];

/// The demo password: `DEMO_PASSWORD` when set, else `lawbench-demo`.
export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || 'lawbench-demo';
}
