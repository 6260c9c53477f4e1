/** Runs axe-core in jsdom and returns the serious and critical violations only. */
import axe from 'axe-core';

/** Serious or critical accessibility violations in `root`, as "rule: target" lines. */
export async function seriousViolations(root: Element = document.body): Promise<string[]> {
  const result = await axe.run(root, {
    // jsdom does not lay out or paint, so contrast cannot be measured here (the screenshots check it).
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
