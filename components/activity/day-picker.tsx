"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { FormEvent } from "react";
import { formatDayLong } from "@/components/charts/format";
import { isCalendarDate } from "@/components/dashboard/range";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { addDays } from "@/lib/analytics/civil-days";

/**
 * Picks one athlete-local day, kept in the URL as `?day=YYYY-MM-DD` beside the range params. Previous/next are
 * real links (the page re-renders on the server for the new day); days after the athlete's today are not offered.
 */
export function DayPicker({ day, today, testId = "day-picker" }: { day: string; today: string; testId?: string }) {
  const pathname = usePathname();
  const router = useRouter();
  const searchParams = useSearchParams();

  function toHref(target: string): string {
    const next = new URLSearchParams(searchParams.toString());
    next.set("day", target);
    return `${pathname}?${next.toString()}`;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("day") ?? "");
    if (isCalendarDate(value) && value <= today) router.push(toHref(value), { scroll: false });
  }

  const previous = addDays(day, -1);
  const next = addDays(day, 1);
  const linkClass = buttonClass({ size: "sm" });
  return (
    <nav aria-label="Choose day" className="flex flex-wrap items-end gap-2" data-testid={testId} data-day={day}>
      <Link href={toHref(previous)} className={linkClass} scroll={false} data-testid={`${testId}-previous`} aria-label={`Previous day, ${formatDayLong(previous)}`}>
        ←
      </Link>
      <form onSubmit={submit} className="flex items-end gap-2">
        <Field label="Day">
          <Input
            key={day}
            type="date"
            name="day"
            defaultValue={day}
            max={today}
            required
            data-testid={`${testId}-input`}
          />
        </Field>
        <Button type="submit" size="sm">
          Show
        </Button>
      </form>
      {next <= today ? (
        <Link href={toHref(next)} className={linkClass} scroll={false} data-testid={`${testId}-next`} aria-label={`Next day, ${formatDayLong(next)}`}>
          →
        </Link>
      ) : null}
      {day !== today ? (
        <Link href={toHref(today)} className={linkClass} scroll={false}>
          Today
        </Link>
      ) : null}
    </nav>
  );
}
