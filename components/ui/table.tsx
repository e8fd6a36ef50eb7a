import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { joinClasses } from "./class-names";

/**
 * Data tables: a sideways-scrolling frame on a phone, small muted column heads, ruled rows, tabular figures
 * for numbers. Cell padding is the table's: `className` on cells is for alignment and visibility only.
 */

export function Table({ children, className, frameProps }: { children: ReactNode; className?: string; frameProps?: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | number | undefined> }) {
  return (
    <div {...frameProps} className={joinClasses("overflow-x-auto", frameProps?.className)}>
      <table className={joinClasses("w-full text-sm", className)}>{children}</table>
    </div>
  );
}

/** The row of column heads. */
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead>
      <tr className="text-left text-xs text-muted">{children}</tr>
    </thead>
  );
}

/** A column head (`scope="col"` unless given). */
export function Th({ className, scope = "col", isNumeric = false, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { isNumeric?: boolean }) {
  return <th scope={scope} className={joinClasses("py-1 pr-3 font-medium", isNumeric && "text-right", className)} {...props} />;
}

/** A body row, ruled from the one above. */
export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={joinClasses("border-t border-border", className)} {...props} />;
}

/** A cell; `isNumeric` aligns the figures. */
export function Td({ className, isNumeric = false, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { isNumeric?: boolean }) {
  return <td className={joinClasses("py-1.5 pr-3", isNumeric && "tabular-nums", className)} {...props} />;
}
