import { z } from 'zod';
import { amiStatusSchema } from '../model/ami-status.ts';
import { domainSlugSchema, domainNameSchema, technologyTagSchema } from '../model/domains.ts';

export const AMI_TITLE_MAX_LENGTH = 200;
export const AMI_SUMMARY_MAX_LENGTH = 4000;
/** The whole 2023–2027 programme is 5 M€; an envelope above 100 M€ is a typing mistake. */
export const AMI_ENVELOPE_MAX_EUROS = 100_000_000;

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 February). Null when not decided yet. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date invalide (format attendu : AAAA-MM-JJ).')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Cette date n’existe pas.');

const optionalDate = isoDateSchema.nullable();

/** The dates of a call: when it opens to applications, its deadline, and the end of the experiments. */
export const amiDatesSchema = z
  .object({
    opensOn: optionalDate,
    closesOn: optionalDate,
    endsOn: optionalDate,
  })
  .refine(({ opensOn, closesOn }) => opensOn === null || closesOn === null || opensOn <= closesOn, {
    message: 'La date limite de candidature doit suivre la date d’ouverture.',
    path: ['closesOn'],
  })
  .refine(({ closesOn, endsOn }) => closesOn === null || endsOn === null || closesOn <= endsOn, {
    message: 'La fin des expérimentations doit suivre la date limite de candidature.',
    path: ['endsOn'],
  });

export const amiInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, 'Le titre doit compter au moins 3 caractères.')
    .max(AMI_TITLE_MAX_LENGTH, `Le titre ne peut pas dépasser ${AMI_TITLE_MAX_LENGTH} caractères.`),
  domain: domainSlugSchema,
  dates: amiDatesSchema,
  envelopeEuros: z
    .number()
    .int('Le montant est en euros entiers.')
    .min(0, 'Le montant ne peut pas être négatif.')
    .max(AMI_ENVELOPE_MAX_EUROS, 'Le montant dépasse 100 M€ : vérifiez la saisie.')
    .nullable(),
  summary: z.string().trim().max(AMI_SUMMARY_MAX_LENGTH, `Le résumé ne peut pas dépasser ${AMI_SUMMARY_MAX_LENGTH} caractères.`),
  tags: z.array(technologyTagSchema).max(10).transform((tags) => [...new Set(tags)]),
});

export const amiStatusChangeSchema = z.object({ status: amiStatusSchema });

export const domainInputSchema = z.object({ name: domainNameSchema });

export type AmiInput = z.infer<typeof amiInputSchema>;
