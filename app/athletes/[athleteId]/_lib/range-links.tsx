import Link from "next/link";
import { RANGE_PRESETS, type ResolvedRange } from "@/components/dashboard/range";
import { toggleClass } from "@/components/ui/button";

/** Range choice as plain links: the coach pages are server-rendered for one range at a time. */
export function RangeLinks({ basePath, current }: { basePath: string; current: ResolvedRange }) {
  return (
    <nav aria-label="Range" className="flex gap-1">
      {RANGE_PRESETS.map((preset) => (
        <Link
          key={preset.key}
          href={`${basePath}?range=${preset.key}`}
          aria-current={current.key === preset.key ? "page" : undefined}
          className={toggleClass(current.key === preset.key)}
        >
          {preset.label}
        </Link>
      ))}
    </nav>
  );
}
