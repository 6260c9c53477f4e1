/** Runs `task` once the browser has painted what is rendered now. */
export function afterFirstPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}
