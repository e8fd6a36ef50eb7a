"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition } from "react";
import { saveCheckInAction } from "@/app/dashboard/check-in-actions";
import { Button, ToggleButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CHECK_IN_ITEMS, CHECK_IN_NOTE_MAX, type CheckInItem } from "@/lib/analytics/advice";
import type { CheckInDTO } from "@/lib/dal/dto";

/** What each 1–5 scale means at its two ends (metrics.md §13.1). */
const SCALES: Record<CheckInItem, { label: string; low: string; high: string }> = {
  fatigue: { label: "Fatigue", low: "fresh", high: "exhausted" },
  soreness: { label: "Muscle soreness", low: "none", high: "very sore" },
  stress: { label: "Stress", low: "relaxed", high: "very stressed" },
  mood: { label: "Mood", low: "low", high: "great" },
  sleepQuality: { label: "Sleep quality (felt)", low: "poor", high: "great" },
};

type Answers = Record<CheckInItem, number | null> & { illness: boolean | null; note: string };

const EMPTY: Answers = { fatigue: null, soreness: null, stress: null, mood: null, sleepQuality: null, illness: null, note: "" };

const dismissKey = (date: string) => `threshold:check-in-dismissed:${date}`;

function subscribeToStorage(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/**
 * The morning check-in on the overview: one screen of tap targets (1–5 per item, illness yes/no), no typing
 * needed (the note is optional). Offered until answered; "Not today" hides it for the rest of the day on this
 * device. Once answered it shows the answers with an Edit button (editable the same day only).
 */
export function CheckInCard({ today, checkIn }: { today: string; checkIn: CheckInDTO | null }) {
  const router = useRouter();
  const [isEditing, setIsEditing] = useState(checkIn === null);
  const [isDismissedNow, setIsDismissedNow] = useState(false);
  // What this device dismissed is read after hydration only (the server renders the card).
  const isDismissedStored = useSyncExternalStore(
    subscribeToStorage,
    () => window.localStorage.getItem(dismissKey(today)) === "1",
    () => false,
  );
  const isDismissed = checkIn === null && (isDismissedNow || isDismissedStored);
  const [answers, setAnswers] = useState<Answers>(checkIn ? { ...checkIn, note: checkIn.note ?? "" } : EMPTY);
  const [isNoteOpen, setIsNoteOpen] = useState(Boolean(checkIn?.note));
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  if (isDismissed) return null;

  if (!isEditing && checkIn) {
    return (
      <Card title="Morning check-in" testId="check-in-card" state="loaded" actions={<Button size="sm" onClick={() => setIsEditing(true)}>Edit</Button>}>
        <p className="text-sm" data-testid="check-in-summary">
          {CHECK_IN_ITEMS.map((item) => `${SCALES[item].label} ${checkIn[item] ?? "—"}`).join(" · ")}
          {checkIn.illness === null ? "" : ` · Signs of illness: ${checkIn.illness ? "yes" : "no"}`}
        </p>
      </Card>
    );
  }

  const submit = () => {
    setError(null);
    startTransition(async () => {
      const result = await saveCheckInAction({ ...answers, note: answers.note === "" ? null : answers.note, date: today });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setIsEditing(false);
      router.refresh();
    });
  };
  const dismiss = () => {
    window.localStorage.setItem(dismissKey(today), "1");
    setIsDismissedNow(true);
  };

  return (
    <Card
      title="How do you feel today?"
      testId="check-in-card"
      state="empty"
      actions={
        checkIn === null ? (
          <Button size="sm" variant="quiet" onClick={dismiss} data-testid="check-in-dismiss">
            Not today
          </Button>
        ) : undefined
      }
    >
      <div className="space-y-3">
        {CHECK_IN_ITEMS.map((item) => (
          <fieldset key={item} data-testid={`check-in-${item}`}>
            <legend className="text-sm font-medium">
              {SCALES[item].label} <span className="text-xs font-normal text-muted">1 {SCALES[item].low} … 5 {SCALES[item].high}</span>
            </legend>
            <div className="mt-1 grid grid-cols-5 overflow-hidden rounded-md border border-border">
              {[1, 2, 3, 4, 5].map((value) => (
                <ToggleButton
                  key={value}
                  appearance="segment"
                  className="min-h-11"
                  isPressed={answers[item] === value}
                  aria-label={`${SCALES[item].label} ${value}`}
                  onClick={() => setAnswers({ ...answers, [item]: answers[item] === value ? null : value })}
                >
                  {value}
                </ToggleButton>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset data-testid="check-in-illness">
          <legend className="text-sm font-medium">Signs of illness?</legend>
          <div className="mt-1 grid grid-cols-2 overflow-hidden rounded-md border border-border">
            {([false, true] as const).map((value) => (
              <ToggleButton
                key={String(value)}
                appearance="segment"
                className="min-h-11"
                isPressed={answers.illness === value}
                onClick={() => setAnswers({ ...answers, illness: answers.illness === value ? null : value })}
              >
                {value ? "Yes" : "No"}
              </ToggleButton>
            ))}
          </div>
        </fieldset>
        {isNoteOpen ? (
          <label className="block text-sm">
            <span className="font-medium">Note</span> <span className="text-xs text-muted">({answers.note.length} / {CHECK_IN_NOTE_MAX})</span>
            <textarea
              className="mt-1 block w-full rounded-md border border-border bg-surface p-2 text-sm"
              rows={2}
              maxLength={CHECK_IN_NOTE_MAX}
              value={answers.note}
              onChange={(event) => setAnswers({ ...answers, note: event.target.value })}
            />
          </label>
        ) : (
          <Button size="sm" variant="quiet" onClick={() => setIsNoteOpen(true)}>
            Add a note (optional)
          </Button>
        )}
        {error ? (
          <p role="alert" className="text-sm text-high">
            {error}
          </p>
        ) : null}
        <Button variant="primary" size="lg" className="w-full" onClick={submit} disabled={isPending} data-testid="check-in-save">
          {isPending ? "Saving…" : "Save check-in"}
        </Button>
      </div>
    </Card>
  );
}
