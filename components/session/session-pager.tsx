import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { SessionPageDTO } from "@/lib/dal/dto";

/** `?sport=…&page=3`: the list's own filters kept, the page replaced (page 1 is the bare URL). */
export function toPageHref(basePath: string, params: Readonly<Record<string, string | undefined>>, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (key !== "page" && value !== undefined && value !== "") search.set(key, value);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query === "" ? basePath : `${basePath}?${query}`;
}

/** "51–100 of 412" with previous/next links; the page lives in the URL, so it can be shared and reloaded. */
export function SessionPager({ list, basePath, params }: { list: SessionPageDTO; basePath: string; params: Readonly<Record<string, string | undefined>> }) {
  const { page, total } = list;
  const range = total === 0 ? "0 sessions" : `${page.first}–${page.last} of ${total} session${total === 1 ? "" : "s"}`;
  return (
    <nav aria-label="Session pages" className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="session-pager" data-page={page.number} data-pages={page.count}>
      <p className="text-muted" data-testid="sessions-count" data-total={total}>
        {range}
        {page.count > 1 ? ` · page ${page.number} of ${page.count}` : ""}
      </p>
      {page.count > 1 ? (
        <div className="flex gap-2">
          {page.number > 1 ? (
            <Link href={toPageHref(basePath, params, page.number - 1)} className={buttonClass({ size: "sm" })} rel="prev" data-testid="pager-prev">
              ← Previous
            </Link>
          ) : null}
          {page.number < page.count ? (
            <Link href={toPageHref(basePath, params, page.number + 1)} className={buttonClass({ size: "sm" })} rel="next" data-testid="pager-next">
              Next →
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
