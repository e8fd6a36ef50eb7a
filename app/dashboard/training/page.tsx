import type { Metadata } from "next";
import { WeeklyZoneChart } from "@/components/charts/weekly-zone-chart";
import { describeInvertedRange, firstParam } from "@/components/dashboard/range";
import { formatSport, SessionTable } from "@/components/dashboard/session-table";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/input";
import { getDb } from "@/db";
import { getWeeklyZones } from "@/lib/dal/sessions/weekly-zones";
import { listSessions, parseSessionFilter } from "@/lib/dal/sessions/list";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Training" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORTS = [
  { value: "date-desc", label: "Newest first" },
  { value: "date-asc", label: "Oldest first" },
  { value: "duration-desc", label: "Longest first" },
  { value: "load-desc", label: "Highest load first" },
] as const;

export default async function TrainingPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const db = getDb();
  const filter = parseSessionFilter({
    sport: firstParam(params.sport),
    from: firstParam(params.from),
    to: firstParam(params.to),
    sort: firstParam(params.sort),
  });
  // The list covers the filter's dates, by default the last 12 weeks; the weekly zones cover the same dates.
  const list = listSessions(db, viewer, SELF, filter);
  const weekly = getWeeklyZones(db, viewer, SELF, { from: list.from, to: list.to });
  return (
    <div className="space-y-4">
      <PageHeader title="Training" description="Your sessions with heart-rate zones and load." />
      <Card title="Sessions" testId="training-sessions">
        <form method="get" className="mb-3 flex flex-wrap items-end gap-3" aria-label="Filter sessions" data-testid="session-filter">
          <Field label="Sport">
            <Select name="sport" defaultValue={filter.sport ?? ""}>
              <option value="">All sports</option>
              {list.sports.map((sport) => (
                <option key={sport} value={sport}>
                  {formatSport(sport)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="From">
            <Input type="date" name="from" defaultValue={list.from} />
          </Field>
          <Field label="To">
            <Input type="date" name="to" defaultValue={list.to} />
          </Field>
          <Field label="Sort">
            <Select name="sort" defaultValue={filter.sort ?? "date-desc"}>
              {SORTS.map((sort) => (
                <option key={sort.value} value={sort.value}>
                  {sort.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" size="sm">
            Apply
          </Button>
        </form>
        <p className="mb-2 text-xs text-muted" data-testid="sessions-count" data-total={list.total}>
          {list.total} session{list.total === 1 ? "" : "s"}
          {list.isTruncated ? ` — showing the first ${list.sessions.length}; narrow the dates to see the rest` : ""}
        </p>
        {describeInvertedRange(list.from, list.to) ? (
          <p role="alert" className="text-sm text-high" data-testid="sessions-inverted-range">
            {describeInvertedRange(list.from, list.to)}
          </p>
        ) : (
          <SessionTable sessions={list.sessions} />
        )}
      </Card>
      <WeeklyZoneChart points={weekly} />
    </div>
  );
}
