/** The lesson ids with the one at `from` moved by `step` places; unchanged at either end. */
export function moveLesson(ids: readonly string[], from: number, step: -1 | 1): string[] {
  const to = from + step;
  if (from < 0 || from >= ids.length || to < 0 || to >= ids.length) return [...ids];
  const order = [...ids];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved!);
  return order;
}
