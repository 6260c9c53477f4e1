/**
 * Starts the server: open the database, migrate, seed the demo on an empty
 * embedded database, listen, and close cleanly on SIGINT/SIGTERM.
 */
import { loadConfig } from './config';
import { issueSetupCode } from './admin/setup';
import { buildServer } from './app';
import { verifyPassword } from './auth/passwords';
import { openDatabase } from './db/connect';
import { migrate } from './db/migrations';
import { hasBuild } from './http/static-files';
import { countUsers, findUserByEmail } from './queries/users';
import { DEMO_EMAIL, demoPasswordFor, seedDemo } from './seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config);
  const applied = await migrate(handle);
  // Without the demo, no password is made and no demo account exists.
  const demoPassword = config.seedDemo ? (config.demoPassword ?? demoPasswordFor(config.dataDir)) : undefined;
  if (demoPassword !== undefined && (await countUsers(handle.db)) === 0) await seedDemo(handle, demoPassword);

  const app = await buildServer({
    handle,
    serverSecret: config.serverSecret,
    distDir: config.distDir,
    sessionTtlDays: config.sessionTtlDays,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
  });
  await app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl === undefined ? `SQLite at ${config.dataDir}` : 'PostgreSQL';
  const lines = [`mesa-intake is running at http://localhost:${config.port}/ (database: ${where})`];
  if (applied.length > 0) lines.push(`Applied migrations: ${applied.join(', ')}`);
  if (!hasBuild(config.distDir)) lines.push(`No app build in ${config.distDir}: only the API is served (run npm start or npm run build).`);
  const demo = await findUserByEmail(handle.db, DEMO_EMAIL);
  if (demo) {
    const known = demoPassword !== undefined && (await verifyPassword(demoPassword, demo.password_hash));
    lines.push(`Demo sign-in: ${DEMO_EMAIL} / ${known ? demoPassword : '(the password set when the demo was seeded)'}`);
  }
  const setupCode = await issueSetupCode(handle.db);
  if (setupCode !== undefined) lines.push(`No center yet: open the app and create the first center and its administrator with the setup code ${setupCode}`);
  console.log(lines.join('\n'));

  const stop = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
    process.exit(0);
  };
  const onSignal = (signal: string): void => {
    stop(signal).catch((error: unknown) => {
      console.error('mesa-intake did not shut down cleanly:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  console.error('mesa-intake failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
