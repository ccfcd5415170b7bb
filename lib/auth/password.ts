import { hash, verify } from '@node-rs/argon2';
import { AppError } from '@/lib/errors';

/// Bounds on a new password: long enough to resist guessing, short enough to hash cheaply.
export const passwordLimits = { min: 8, max: 200 } as const;

/// Hashes a password with argon2id (the library default, OWASP parameters).
export async function hashPassword(password: string): Promise<string> {
  if (password.length < passwordLimits.min || password.length > passwordLimits.max) {
    throw new AppError('validation_failed', 'password_length');
  }
  return hash(password);
}

/// Checks a password against a stored argon2 hash; a malformed hash counts as a mismatch.
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
