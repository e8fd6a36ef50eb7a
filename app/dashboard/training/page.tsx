import type { Metadata } from "next";
import { WeeklyZoneChart } from "@/components/charts/weekly-zone-chart";
import { describeInvertedRange, firstParam } from "@/components/dashboard/range";
import { formatSport, SessionTable } from "@/components/dashboard/session-table";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/input";
import { getDb } from "@/db";
import { getWeeklyZones } from "@/lib/dal/sessions/weekly-zones";
import { SessionPager } from "@/components/session/session-pager";
import { listSessionPage, parseSessionFilter, parseSessionPage } from "@/lib/dal/sessions/list";
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
  const query = { sport: firstParam(params.sport), from: firstParam(params.from), to: firstParam(params.to), sort: firstParam(params.sort) };
  const filter = parseSessionFilter(query);
  // The list covers the filter's dates, by default the last 12 weeks, a page at a time (`?page=2`); the weekly
  // zones cover the same dates.
  const list = listSessionPage(db, viewer, SELF, filter, parseSessionPage(firstParam(params.page)));
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
        <div className="space-y-2">
          <SessionPager list={list} basePath="/dashboard/training" params={query} />
          {describeInvertedRange(list.from, list.to) ? (
            <p role="alert" className="text-sm text-high" data-testid="sessions-inverted-range">
              {describeInvertedRange(list.from, list.to)}
            </p>
          ) : (
            <SessionTable sessions={list.sessions} />
          )}
        </div>
      </Card>
      <WeeklyZoneChart points={weekly} />
    </div>
  );
}
