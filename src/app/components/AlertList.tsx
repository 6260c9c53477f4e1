/**
 * Several problems announced at once. The alert role sits on a wrapper, not on
 * the list, so the list keeps its list semantics for screen readers.
 */
export function AlertList({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div class="notice notice-error" role="alert">
      <ul class="alert-list">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
