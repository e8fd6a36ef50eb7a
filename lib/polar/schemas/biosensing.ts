import { z } from "zod";
import { isoDateSchema, utcNoZSchema } from "./common";

/** Elixir biosensing items (§6.8): times UTC without `Z`, `test_time` epoch seconds, enums as open strings. */

export const PolarSkinTemperatureSchema = z.looseObject({
  sleep_time_skin_temperature_celsius: z.number().nullish(),
  deviation_from_baseline_celsius: z.number().nullish(),
  sleep_date: isoDateSchema,
});
export type PolarSkinTemperature = z.infer<typeof PolarSkinTemperatureSchema>;

export const PolarBodyTemperaturePeriodSchema = z.looseObject({
  source_device_id: z.string().nullish(),
  measurement_type: z.string().nullish(),
  sensor_location: z.string().nullish(),
  start_time: utcNoZSchema,
  end_time: utcNoZSchema.nullish(),
  modified_time: utcNoZSchema.nullish(),
  samples: z
    .array(
      z.looseObject({
        temperature_celsius: z.number().nullish(),
        recording_time_delta_milliseconds: z.number().nullish(),
      }),
    )
    .nullish(),
});
export type PolarBodyTemperaturePeriod = z.infer<typeof PolarBodyTemperaturePeriodSchema>;

export const PolarSkinContactPeriodSchema = z.looseObject({
  source_device_id: z.string().nullish(),
  start_time: utcNoZSchema,
  end_time: utcNoZSchema.nullish(),
  modified_time: utcNoZSchema.nullish(),
  skin_contact_changes: z
    .array(z.looseObject({ skin_contact: z.boolean(), recording_time_delta_milliseconds: z.number().nullish() }))
    .nullish(),
});
export type PolarSkinContactPeriod = z.infer<typeof PolarSkinContactPeriodSchema>;

export const PolarEcgTestSchema = z.looseObject({
  source_device_id: z.string().nullish(),
  /** Unix epoch seconds */
  test_time: z.number(),
  /** minutes */
  time_zone_offset: z.number().nullish(),
  average_heart_rate_bpm: z.number().nullish(),
  heart_rate_variability_ms: z.number().nullish(),
  heart_rate_variability_level: z.string().nullish(),
  rri_ms: z.number().nullish(),
  pulse_transit_time_systolic_ms: z.number().nullish(),
  pulse_transit_time_diastolic_ms: z.number().nullish(),
  pulse_transit_time_quality_index: z.number().nullish(),
  samples: z
    .array(z.looseObject({ recording_time_delta_ms: z.number().nullish(), amplitude_mv: z.number().nullish() }))
    .nullish(),
  quality_measurements: z
    .array(z.looseObject({ recording_time_delta_ms: z.number().nullish(), quality_level: z.string().nullish() }))
    .nullish(),
});
export type PolarEcgTest = z.infer<typeof PolarEcgTestSchema>;

export const PolarSpo2TestSchema = z.looseObject({
  source_device_id: z.string().nullish(),
  test_time: z.number(),
  time_zone_offset: z.number().nullish(),
  test_status: z.string().nullish(),
  blood_oxygen_percent: z.number().nullish(),
  spo2_class: z.string().nullish(),
  spo2_value_deviation_from_baseline: z.string().nullish(),
  spo2_quality_average_percent: z.number().nullish(),
  average_heart_rate_bpm: z.number().nullish(),
  heart_rate_variability_ms: z.number().nullish(),
  spo2_hrv_deviation_from_baseline: z.string().nullish(),
  altitude_meters: z.number().nullish(),
});
export type PolarSpo2Test = z.infer<typeof PolarSpo2TestSchema>;
