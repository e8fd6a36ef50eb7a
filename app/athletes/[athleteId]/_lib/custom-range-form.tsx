import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { ResolvedRange } from "@/components/dashboard/range";

/** A custom date range for the server-rendered coach pages: a plain GET form, no client code. */
export function CustomRangeForm({ basePath, current }: { basePath: string; current: ResolvedRange }) {
  return (
    <form method="get" action={basePath} className="flex flex-wrap items-end gap-2" data-testid="custom-range-form">
      <input type="hidden" name="range" value="custom" />
      <Field label="From">
        <Input type="date" name="from" defaultValue={current.from} required />
      </Field>
      <Field label="To">
        <Input type="date" name="to" defaultValue={current.to} required />
      </Field>
      <Button type="submit" size="sm">
        Show
      </Button>
    </form>
  );
}
