import { z } from 'zod';
import { organisationTypeSchema } from '../model/organisations.ts';

/**
 * What the account forms send. The server parses with these schemas; the client uses the same
 * ones to show errors before sending. Messages are the French sentences a user reads.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length, but a megabyte "password" is a denial-of-service attempt. */
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(PASSWORD_MAX_LENGTH, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`);

/** Emails are compared lower-cased and trimmed: one person, one account, however they type it. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX_LENGTH, 'Adresse e-mail trop longue.')
  .email('Adresse e-mail invalide.');

export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Le nom est obligatoire.')
  .max(NAME_MAX_LENGTH, `Le nom ne peut pas dépasser ${NAME_MAX_LENGTH} caractères.`);

export const organisationInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Le nom de l'organisation est obligatoire.")
    .max(NAME_MAX_LENGTH, `Le nom de l'organisation ne peut pas dépasser ${NAME_MAX_LENGTH} caractères.`),
  type: organisationTypeSchema,
});

export const signupSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  organisation: organisationInputSchema,
  password: passwordSchema,
});

/** Log in checks no rule on the password but its size: the rules may have changed since sign-up. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Le mot de passe est obligatoire.').max(PASSWORD_MAX_LENGTH),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Le mot de passe actuel est obligatoire.').max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});

/** Deleting an account asks for the password again: a forgotten open session must not be enough. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1, 'Le mot de passe est obligatoire.').max(PASSWORD_MAX_LENGTH),
});

export type SignupInput = z.infer<typeof signupSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
