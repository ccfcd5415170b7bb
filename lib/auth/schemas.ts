import { z } from 'zod';
import { passwordLimits } from './password';
import { roles, staffRoles } from './roles';

/// Shapes of the account forms and API bodies; messages are catalogue keys, translated at the boundary.
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'email_invalid' }));
export const passwordSchema = z
  .string()
  .min(passwordLimits.min, { message: 'password_length' })
  .max(passwordLimits.max, { message: 'password_length' });
export const nameSchema = z.string().trim().min(1, { message: 'name_required' }).max(60, { message: 'name_too_long' });

export const signInSchema = z
  .object({ email: z.string().max(254).meta({ example: 'drafter@demo.lawbench' }), password: z.string().max(passwordLimits.max) });
export const registerSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema });
/// The public registration form: the account's details and agreement to the privacy notice.
export const registrationRequestSchema = registerSchema.extend({ consent: z.literal(true, { message: 'consent_required' }) });
export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordChangeSchema = z.object({ current: z.string().max(passwordLimits.max), password: passwordSchema });
export const createStaffSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, role: z.enum(staffRoles) });
export const roleSchema = z.enum(roles);

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema });
