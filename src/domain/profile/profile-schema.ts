import { z } from 'zod';

// What Claude is asked to extract from a CV, and the fit against the role. Validated on the
// way back: a malformed answer is retried, then flagged, never stored half-parsed.

export const ZCandidateProfile = z.object({
  name: z.string().min(1).max(200),
  headline: z.string().max(300).describe('One line: current title and focus'),
  location: z.string().max(200).nullable(),
  yearsExperience: z.number().min(0).max(70).nullable(),
  skills: z.array(z.string().min(1).max(60)).max(60),
  languages: z.array(z.string().max(60)).max(20),
  experience: z
    .array(
      z.object({
        title: z.string().max(200),
        company: z.string().max(200),
        start: z.string().max(20).nullable(),
        end: z.string().max(20).nullable(),
      }),
    )
    .max(30),
  education: z
    .array(
      z.object({ degree: z.string().max(200), institution: z.string().max(200), year: z.string().max(20).nullable() }),
    )
    .max(15),
});

export const ZFit = z.object({
  summary: z
    .string()
    .min(1)
    .max(700)
    .describe('Two to four sentences for the hiring team: how the candidate meets the requirements'),
  strengths: z.array(z.string().max(200)).max(6),
  gaps: z.array(z.string().max(200)).max(6),
  rating: z.number().int().min(1).max(5).describe('1 = far from the requirements, 5 = meets all of them'),
});

export const ZProfileAnswer = z.object({ profile: ZCandidateProfile, fit: ZFit });
export type TProfileAnswer = z.infer<typeof ZProfileAnswer>;
