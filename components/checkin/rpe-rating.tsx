"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { rateSessionAction } from "@/app/dashboard/check-in-actions";
import { ToggleButton } from "@/components/ui/button";

/** Borg CR-10 anchors shown under the scale. */
const ANCHORS: Record<number, string> = { 0: "rest", 2: "easy", 3: "moderate", 5: "hard", 7: "very hard", 10: "maximal" };

/** The athlete rates a session on the CR-10 scale with one tap (0–10); sRPE updates on the page and the list. */
export function RpeRating({ sessionId, current }: { sessionId: number; current: number | null }) {
  const router = useRouter();
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const rate = (rpe: number) => {
    setError(null);
    setValue(rpe);
    startTransition(async () => {
      const result = await rateSessionAction(sessionId, { rpe });
      if (!result.ok) {
        setError(result.error.message);
        setValue(current);
        return;
      }
      router.refresh();
    });
  };
  return (
    <fieldset data-testid="rpe-rating" aria-busy={isPending}>
      <legend className="text-sm font-medium">How hard was it? (CR-10 RPE)</legend>
      <div className="mt-1 grid grid-cols-11 overflow-hidden rounded-md border border-border">
        {Array.from({ length: 11 }, (_, rpe) => (
          <ToggleButton
            key={rpe}
            appearance="segment"
            className="min-h-11 px-0"
            isPressed={value === rpe}
            aria-label={`RPE ${rpe}${ANCHORS[rpe] ? ` (${ANCHORS[rpe]})` : ""}`}
            disabled={isPending}
            onClick={() => rate(rpe)}
          >
            {rpe}
          </ToggleButton>
        ))}
      </div>
      <p className="mt-1 flex justify-between text-xs text-muted" aria-hidden>
        <span>0 rest</span>
        <span>5 hard</span>
        <span>10 maximal</span>
      </p>
      {error ? (
        <p role="alert" className="text-sm text-high">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
