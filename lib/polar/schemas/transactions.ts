import { z } from "zod";

/** `201` body of a transaction POST (§5.1). `resource-uri` is followed verbatim, never rebuilt. */
export const PolarTransactionLocationSchema = z.looseObject({
  "transaction-id": z.number().int(),
  "resource-uri": z.string().min(1),
});
export type PolarTransactionLocation = z.infer<typeof PolarTransactionLocationSchema>;

/** `GET …/exercise-transactions/{id}` — absolute item URLs. */
export const PolarExerciseTransactionListSchema = z.looseObject({ exercises: z.array(z.string()) });
export type PolarExerciseTransactionList = z.infer<typeof PolarExerciseTransactionListSchema>;

/** `GET …/activity-transactions/{id}` — absolute item URLs. */
export const PolarActivityTransactionListSchema = z.looseObject({ "activity-log": z.array(z.string()) });
export type PolarActivityTransactionList = z.infer<typeof PolarActivityTransactionListSchema>;

/** `GET …/physical-information-transactions/{id}` — absolute item URLs. */
export const PolarPhysicalInfoTransactionListSchema = z.looseObject({
  "physical-informations": z.array(z.string()),
});
export type PolarPhysicalInfoTransactionList = z.infer<typeof PolarPhysicalInfoTransactionListSchema>;
