/**
 * A mean and its 95% interval drawn inline beside the number, on a scale shared by the rows of a
 * table (0-100% for shares), so intervals that overlap are seen to overlap.
 */
export function IntervalBar({
  mean,
  low,
  high,
  scale,
}: {
  mean: number;
  low: number;
  high: number;
  scale: [number, number];
}) {
  const width = 90;
  const [from, to] = scale;
  const x = (v: number) => Math.max(0, Math.min(width, ((v - from) / (to - from || 1)) * width));
  return (
    <svg className="bar" width={width} height={10} role="img" aria-label="95% interval">
      <line className="axis" x1={0} x2={width} y1={5} y2={5} strokeWidth={1} />
      <line className="range" x1={x(low)} x2={Math.max(x(high), x(low) + 1)} y1={5} y2={5} />
      <circle className="mean" cx={x(mean)} cy={5} r={2.5} />
    </svg>
  );
}
