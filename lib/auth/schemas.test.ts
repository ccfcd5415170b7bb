import { describe, expect, it } from 'vitest';
import { schemaMessages } from '@/lib/shared/testing';
import { z } from 'zod';
import { hashPassword, passwordLimits, verifyPassword } from './password';
import { emailSchema, nameSchema, passwordSchema, signInSchema, userSchema } from './schemas';

const messages = schemaMessages;

describe('emailSchema', () => {
  // Accounts are stored and looked up by the address as emailSchema gives it back.
  it('trims and lower-cases an address, and names one that is not an address or is past 254 characters', () => {
    expect(emailSchema.parse('  Chen.Wei@Example.COM ')).toBe('chen.wei@example.com');
    expect(messages(emailSchema, 'chen.wei@example')).toEqual(['email_invalid']);
    expect(messages(emailSchema, `${'a'.repeat(242)}@example.com`)).toEqual([]);
    expect(messages(emailSchema, `${'a'.repeat(243)}@example.com`)).toHaveLength(1);
  });
});

describe('passwordSchema', () => {
  it('takes 8 to 200 characters and names the limit when a password is too short or too long', () => {
    expect(messages(passwordSchema, 'x'.repeat(8))).toEqual([]);
    expect(messages(passwordSchema, 'x'.repeat(200))).toEqual([]);
    expect(messages(passwordSchema, 'x'.repeat(7))).toEqual(['password_length']);
    expect(messages(passwordSchema, 'x'.repeat(201))).toEqual(['password_length']);
  });
});

describe('hashPassword', () => {
  // The same limits again where passwords are hashed, for callers that skip the forms (the CLI).
  it('refuses a password shorter than 8 or longer than 200 characters, before hashing anything', async () => {
    expect(passwordLimits).toEqual({ min: 8, max: 200 });
    for (const password of ['x'.repeat(7), 'x'.repeat(201), '']) {
      await expect(hashPassword(password)).rejects.toMatchObject({ code: 'validation_failed', message: 'password_length' });
    }
  });

  it('hashes passwords of exactly 8 and exactly 200 characters, which then verify', async () => {
    for (const password of ['x'.repeat(8), 'y'.repeat(200)]) {
      const hash = await hashPassword(password);
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(hash, password)).toBe(true);
      expect(await verifyPassword(hash, `${password}!`)).toBe(false);
    }
  });
});

describe('verifyPassword', () => {
  it('treats a malformed stored hash as a mismatch rather than an error', async () => {
    expect(await verifyPassword('not-a-real-hash', 'anything at all')).toBe(false);
    expect(await verifyPassword('', '')).toBe(false);
  });
});

describe('nameSchema', () => {
  it('trims a name and takes 1 to 60 characters', () => {
    expect(nameSchema.parse('  陈静 ')).toBe('陈静');
    expect(nameSchema.parse(` ${'名'.repeat(60)} `)).toBe('名'.repeat(60));
  });

  it('asks for a name when only spaces are given, and says when one is too long', () => {
    expect(messages(nameSchema, '')).toEqual(['name_required']);
    expect(messages(nameSchema, '   ')).toEqual(['name_required']);
    expect(messages(nameSchema, '名'.repeat(61))).toEqual(['name_too_long']);
  });
});

describe('signInSchema', () => {
  it('takes any e-mail and password within the stored limits (checking them is for signIn)', () => {
    expect(signInSchema.safeParse({ email: 'a@b.c', password: 'x' }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'x'.repeat(254), password: 'x'.repeat(200) }).success).toBe(true);
    expect(signInSchema.safeParse({ email: 'x'.repeat(255), password: 'x' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'a@b.c', password: 'x'.repeat(201) }).success).toBe(false);
  });

  it('is documented in the API description with its limits and the demo account as example', () => {
    // buildOpenApi (lib/api) turns the request schema into JSON Schema this way.
    const doc = z.toJSONSchema(signInSchema, { io: 'input', unrepresentable: 'any' });
    expect(doc.properties).toEqual({
      email: { type: 'string', maxLength: 254, example: 'drafter@demo.lawbench' },
      password: { type: 'string', maxLength: 200 },
    });
  });
});

describe('userSchema', () => {
  it('passes on exactly id, e-mail, name and role of a user, and only known roles', () => {
    const user = { id: 'u1', email: 'chen@example.com', name: '陈', role: 'drafter' };
    expect(userSchema.parse({ ...user, passwordHash: '$argon2id$secret' })).toEqual(user);
    expect(userSchema.safeParse({ ...user, role: 'emperor' }).success).toBe(false);
    expect(z.toJSONSchema(userSchema, { io: 'output' })).toMatchObject({ required: ['id', 'email', 'name', 'role'] });
  });
});
