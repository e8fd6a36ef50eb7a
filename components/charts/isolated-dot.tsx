import { readNumber } from "./describe";

type DotProps = { cx?: number; cy?: number; index?: number };

/**
 * A line's dot renderer that marks only the points a line cannot show: a value with no value on either side
 * (one day of data, or scattered days) draws no segment, so without a dot the chart would look empty.
 */
export function isolatedDot(rows: readonly Readonly<Record<string, unknown>>[], key: string, color: string) {
  const isValue = (index: number) => index >= 0 && index < rows.length && readNumber(rows[index], key) !== null;
  function IsolatedDot({ cx, cy, index }: DotProps) {
    const at = index ?? -1;
    if (cx === undefined || cy === undefined || !isValue(at) || isValue(at - 1) || isValue(at + 1)) return <g key={`none-${at}`} />;
    return <circle key={`dot-${at}`} cx={cx} cy={cy} r={3} fill={color} stroke={color} data-isolated="" />;
  }
  return IsolatedDot;
}
