import { z } from "zod";

/** One observation of an operation: a duration in milliseconds, or a value (a percentage, an accuracy). */
export const sampleSchema = z.object({
  operation: z.string().min(1),
  value: z.number().finite(),
  /** Milliseconds since the epoch. */
  timestamp: z.number(),
  environment: z.string().optional(),
});
export type Sample = z.infer<typeof sampleSchema>;

/** The shape of the timing events that packages publish (eventemitter3): `{ operation, durationMs }`. */
export interface TimingEvent {
  operation: string;
  durationMs: number;
}
