"use client";

import { PageError } from "@/components/page-error";

/** A settings page failed to load its data: say so plainly and offer a retry. */
export default function SettingsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError reset={reset} testId="settings-error" />;
}
