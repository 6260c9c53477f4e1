/**
 * Full-screen stop when the browser will not let the app store anything
 * (private browsing, storage disabled): typing would be lost, so none is offered.
 */
export function StorageUnavailable({ storageFull }: { storageFull?: boolean }) {
  return (
    <main class="fullscreen-message" id="main">
      <img src="/icon-192.png" alt="" width={64} height={64} />
      <h1>{storageFull ? 'This tablet’s storage is full' : 'MESA Intake cannot save on this browser'}</h1>
      {storageFull ? (
        <p>Free some space on the tablet (or in the browser’s site data for other sites), then reload this page.</p>
      ) : (
        <>
          <p>This browser is not allowing the app to keep data. That usually means a private or incognito window, or that site data is turned off.</p>
          <p>Open MESA Intake in a normal browser window, and allow this site to store data, so no typing is lost.</p>
        </>
      )}
    </main>
  );
}
